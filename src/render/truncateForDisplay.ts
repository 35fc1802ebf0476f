/** Directory values can be any length; the mail shows at most `max` characters (the CSV keeps all). */
const DISPLAY_MAX_CHARS = 200;
/** Addresses never wrap in the mail (a split address reads as two): longer ones are cut. */
export const EMAIL_MAX_CHARS = 50;

// Characters as a reader counts them (grapheme clusters): "é" written e + combining accent, a flag or
// a family emoji joined by ZWJ is one, and is never cut in half.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function truncateForDisplay(text: string, max: number = DISPLAY_MAX_CHARS): string {
  // Line breaks in a directory value would only collapse in HTML: show them as spaces.
  const flat = text.replace(/[\r\n\t]+/g, ' ');
  if (flat.length <= max) return flat;
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(flat)) {
    if (kept.length === max)
      return `${kept
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
    kept.push(segment);
  }
  return flat;
}
