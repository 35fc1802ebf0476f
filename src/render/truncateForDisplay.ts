/** Directory values can be any length; the mail shows at most `max` characters (the CSV keeps all). */
const DISPLAY_MAX_CHARS = 200;
/** Addresses never wrap in the mail (a split address reads as two): longer ones are cut. */
export const EMAIL_MAX_CHARS = 50;

export function truncateForDisplay(text: string, max: number = DISPLAY_MAX_CHARS): string {
  // Line breaks in a directory value would only collapse in HTML: show them as spaces.
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  if (flat.length <= max) return flat;
  // Cut on code points so an emoji or an accented pair is never split in half.
  const points = Array.from(flat);
  return points.length <= max ? flat : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}
