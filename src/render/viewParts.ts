// Small shapes the views share. A list of one empty item shows a block, an empty list hides it:
// how a logic-less template says "if".
export type Flag = readonly Record<string, never>[];
export type Text = { text: string };
export type LabelValue = { label: string; value: string };
export type Label = { label: string };

export const SHADED: Flag = [{}];

/** Every other row is shaded. */
export const shadedAt = (index: number): Flag => (index % 2 ? SHADED : []);

/** One item holding `text`, or none when `text` is empty. */
export const textIf = (text: string | undefined | false): Text[] => (text ? [{ text }] : []);

/** Each non-empty string as one line. */
export const lines = (texts: readonly (string | undefined | false)[]): Text[] => texts.flatMap(textIf);

/** A note naming a file: the file gets a line of its own, so it wraps only if longer than the line. */
export type FileNote = { before: string; file: string; after: string };

export const fileNote = ([before, after]: readonly [string, string], file: string): FileNote[] => [{ before, file, after }];

/**
 * One account as every list of the mails shows it, one block whatever the screen: its name (and
 * disabled / guest badges), grey lines (e-mail, job title...), a note (why to review it), one line per
 * license with its unit price, and on the right the account's monthly total.
 */
export type AccountBlock = {
  shaded: Flag;
  name: string;
  disabledBadge: readonly Label[];
  guestBadge: readonly Label[];
  meta: readonly Text[];
  note: readonly Text[];
  licenses: readonly Text[];
  cost: string;
};
