// Pure: seats purchased vs assigned per license, and what the idle ones cost a month.
import type { RunInsights, SeatLine } from '../insights/types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';
import { shadedAt, textIf, type Flag, type Text } from './viewParts.js';

export type SeatsView = {
  title: string;
  intro: string;
  colLicense: string;
  colPurchased: string;
  colAssigned: string;
  colIdle: string;
  colUnitPrice: string;
  colIdleCost: string;
  lines: readonly {
    shaded: Flag;
    label: string;
    /** The technical name, shown small when it differs from the label. */
    sku: readonly Text[];
    /** A subscription that is not active (suspended, warning...), said so. */
    status: readonly Text[];
    purchased: string;
    assigned: string;
    idle: string;
    unitPrice: string;
    idleCost: string;
  }[];
  totalLabel: string;
  total: string;
};

export function buildSeatsView(insights: RunInsights, fmt: Formatters): SeatsView {
  const labels = fmt.labels.summary.insights;
  return {
    title: labels.seatsTitle,
    intro: labels.seatsIntro,
    colLicense: labels.seatColumns.license,
    colPurchased: labels.seatColumns.purchased,
    colAssigned: labels.seatColumns.assigned,
    colIdle: labels.seatColumns.idle,
    colUnitPrice: labels.seatColumns.unitPrice,
    colIdleCost: labels.seatColumns.idleCost,
    lines: insights.seats.map((seat, index) => ({
      shaded: shadedAt(index),
      label: truncateForDisplay(seat.label, 100),
      sku: textIf(seat.skuPartNumber !== seat.label && truncateForDisplay(seat.skuPartNumber, 100)),
      status: seatStatus(seat, fmt),
      purchased: fmt.count(seat.purchased),
      assigned: fmt.count(seat.assigned),
      // Over-assigned: seats are missing, not "0 idle".
      idle: seat.overAssigned ? `−${fmt.count(seat.overAssigned)}` : fmt.count(seat.idle),
      unitPrice: seat.unitPriceCents === null ? fmt.labels.notAvailable : fmt.money(seat.unitPriceCents),
      idleCost: seat.unitPriceCents === null ? fmt.labels.notAvailable : fmt.money(seat.idleCostCents),
    })),
    totalLabel: labels.idleTotal,
    total: fmt.money(insights.idleCostCents),
  };
}

/** The subscription's state, seats assigned beyond those purchased, seats about to stop or stopped. */
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
