// A tiny logic-less template step, run on the HTML that MJML compiled: `{{name}}` inserts an
// HTML-escaped string, `{{#list}}...{{/list}}` repeats its body for each item of a list (an empty
// list hides it). No conditions, no raw output. The template is parsed once; filling walks the
// parsed nodes and appends values, so text coming from a value is never scanned for `{{`.
import { escapeHtml } from './escapeHtml.js';

type TemplateValue = string | readonly TemplateView[];
type TemplateView = { readonly [key: string]: TemplateValue };
export type FillTemplate = (view: TemplateView) => string;

type Node = { kind: 'text'; text: string } | { kind: 'value'; name: string } | { kind: 'list'; name: string; body: Node[] };

const TAG = /\{\{\s*([#/]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function parseTemplate(source: string, templateName: string): FillTemplate {
  const root: Node[] = [];
  const open: { name: string; body: Node[] }[] = [];
  let current = root;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [tag, sigil, name = ''] = match;
    if (match.index > last) current.push({ kind: 'text', text: source.slice(last, match.index) });
    last = match.index + tag.length;
    if (sigil === '#') {
      const list: Node = { kind: 'list', name, body: [] };
      current.push(list);
      open.push({ name, body: current });
      current = list.body;
    } else if (sigil === '/') {
      const opened = open.pop();
      if (opened?.name !== name) {
        throw new Error(`Template ${templateName}: {{/${name}}} closes ${opened ? `{{#${opened.name}}}` : 'nothing'}`);
      }
      current = opened.body;
    } else {
      current.push({ kind: 'value', name });
    }
  }
  if (open.length > 0) throw new Error(`Template ${templateName}: {{#${open[open.length - 1]?.name}}} is never closed`);
  if (last < source.length) root.push({ kind: 'text', text: source.slice(last) });

  return (view) => {
    const out: string[] = [];
    render(root, [view], out, templateName);
    return out.join('');
  };
}

function render(nodes: readonly Node[], scopes: readonly TemplateView[], out: string[], templateName: string): void {
  for (const node of nodes) {
    if (node.kind === 'text') {
      out.push(node.text);
      continue;
    }
    const value = lookup(scopes, node.name);
    if (node.kind === 'value') {
      if (typeof value !== 'string') throw new Error(`Template ${templateName}: {{${node.name}}} needs a string`);
      out.push(escapeHtml(value));
    } else {
      if (!Array.isArray(value)) throw new Error(`Template ${templateName}: {{#${node.name}}} needs a list`);
      for (const item of value as readonly TemplateView[]) render(node.body, [...scopes, item], out, templateName);
    }
  }
}

/** Innermost scope first, so a row can use a value of the whole view (mustache's rule). */
function lookup(scopes: readonly TemplateView[], name: string): TemplateValue | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i];
    if (scope && Object.hasOwn(scope, name)) return scope[name];
  }
  return undefined;
}
