// Small shapes the views share. A list of one empty item shows a block, an empty list hides it:
// how a logic-less template says "if".
export type Flag = readonly Record<string, never>[];
export type Text = { text: string };
export type LabelValue = { label: string; value: string };

export const SHADED: Flag = [{}];

/** Every other row is shaded. */
export const shadedAt = (index: number): Flag => (index % 2 ? SHADED : []);

/** One item holding `text`, or none when `text` is empty. */
export const textIf = (text: string | undefined | false): Text[] => (text ? [{ text }] : []);
