// Pure: seats purchased vs assigned per license, and what the idle ones cost a month. One block per
// license: its name (and technical name), "12 achetées · 7 attribuées · 5 inutilisées × 6,30 €", and
// on the right the monthly cost of the idle seats.
import type { RunInsights, SeatLine } from '../insights/types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type SeatsView = {
  title: string;
  intro: string;
  colLicense: string;
  colIdleCost: string;
  lines: readonly {
    shaded: Flag;
    label: string;
    /** The technical name, shown small when it differs from the label. */
    sku: readonly Text[];
    /** A subscription that is not active, seats assigned beyond those purchased, seats about to stop or stopped. */
    status: readonly Text[];
    seats: string;
    idleCost: string;
  }[];
  more: readonly Text[];
  totalLabel: string;
  total: string;
};

export function buildSeatsView(insights: RunInsights, shown: number, fmt: Formatters): SeatsView {
  const labels = fmt.labels.summary.insights;
  const count = (n: number) => ({ n: fmt.count(n), one: fmt.isOne(n) });
  const price = (cents: number | null) => (cents === null ? fmt.labels.notAvailable : fmt.money(cents));
  const hidden = insights.seats.length - Math.min(shown, insights.seats.length);
  return {
    title: labels.seatsTitle,
    intro: labels.seatsIntro,
    colLicense: labels.seatColumns.license,
    colIdleCost: labels.seatColumns.idleCost,
    // What idle seats cost most first: what to act on; a list cut short keeps those.
    lines: [...insights.seats]
      .sort((a, b) => b.idleCostCents - a.idleCostCents)
      .slice(0, shown)
      .map((seat, index) => ({
        shaded: shadedAt(index),
        label: truncateForDisplay(seat.label, 100),
        sku: textIf(seat.skuPartNumber !== seat.label && truncateForDisplay(seat.skuPartNumber, 100)),
        status: seatStatus(seat, fmt),
        seats: labels.seatLine(count(seat.purchased), count(seat.assigned), count(seat.idle), price(seat.unitPriceCents)),
        idleCost: seat.unitPriceCents === null ? fmt.labels.notAvailable : fmt.money(seat.idleCostCents),
      })),
    more: hidden > 0 ? [{ text: fmt.labels.insights.more(fmt.count(hidden), fmt.isOne(hidden)) }] : [],
    totalLabel: labels.idleTotal,
    total: fmt.money(insights.idleCostCents),
  };
}

/** The subscription's state, seats assigned beyond those purchased (not "0 idle"), seats about to stop or stopped. */
function seatStatus(seat: SeatLine, fmt: Formatters): Text[] {
  const labels = fmt.labels.summary.insights;
  const counted = (n: number | undefined, say: (count: string, one: boolean) => string): string | false => !!n && say(fmt.count(n), fmt.isOne(n));
  return [
    ...textIf(seat.capabilityStatus !== 'Enabled' && labels.seatStatus(truncateForDisplay(seat.capabilityStatus, 50))),
    ...textIf(counted(seat.overAssigned, labels.seatOverAssigned)),
    ...textIf(counted(seat.warning, labels.seatUnits.warning)),
    ...textIf(counted(seat.suspended, labels.seatUnits.suspended)),
    ...textIf(counted(seat.lockedOut, labels.seatUnits.lockedOut)),
  ];
}
