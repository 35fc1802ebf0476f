// Just enough Bicep reading for the infra tests (the Bicep CLI is not installable here): the
// top-level keys of one object literal, with the expression each is set to.

/** Index of the brace that closes the one at `open`, skipping strings and // comments. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && text[i] !== "'"; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unbalanced braces after offset ${open}`);
}

/** `KEY: expression` pairs of the object literal that starts at the first `{` after `anchor`. */
export function objectEntries(text: string, anchor: string): Map<string, string> {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`"${anchor}" not found`);
  const open = text.indexOf('{', at + anchor.length - 1);
  const body = text.slice(open + 1, closingBrace(text, open));
  const entries = new Map<string, string>();
  let depth = 0;
  for (const line of body.split('\n')) {
    const code = line.replace(/\/\/.*$/, '');
    const match = depth === 0 ? /^\s*([A-Za-z_][\w]*|'[^']+')\s*:\s*(.*?)\s*$/.exec(code) : null;
    if (match?.[1]) entries.set(match[1].replace(/'/g, ''), match[2] ?? '');
    for (const c of code) {
      if ('{(['.includes(c)) depth++;
      if ('})]'.includes(c)) depth--;
    }
  }
  return entries;
}

/** Parameters declared in a Bicep file: name -> whether it has a default value. */
export function params(text: string): Map<string, { type: string; hasDefault: boolean }> {
  const found = new Map<string, { type: string; hasDefault: boolean }>();
  for (const match of text.matchAll(/^param\s+(\w+)\s+(\w+)(\s*=)?/gm)) {
    found.set(match[1] ?? '', { type: match[2] ?? '', hasDefault: Boolean(match[3]) });
  }
  return found;
}
