/** A subject is one header line: control characters (from a site name, say) become spaces. */
export function toSubjectLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
