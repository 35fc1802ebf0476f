import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/render/parseTemplate.js';

describe('parseTemplate', () => {
  it('fills values and repeats list bodies, with access to outer values', () => {
    const fill = parseTemplate('<h1>{{title}}</h1>{{#rows}}<p>{{name}}/{{title}}</p>{{/rows}}', 't');
    expect(fill({ title: 'T', rows: [{ name: 'a' }, { name: 'b' }] })).toBe('<h1>T</h1><p>a/T</p><p>b/T</p>');
  });

  it('hides a list body when the list is empty', () => {
    expect(parseTemplate('a{{#note}}<b>{{text}}</b>{{/note}}c', 't')({ note: [] })).toBe('ac');
  });

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & "Jerry"', 'Tom &amp; &quot;Jerry&quot;'],
    ["l'école", 'l&#39;école'],
  ])('escapes %s as text', (value, html) => {
    expect(parseTemplate('<td title="{{v}}">{{v}}</td>', 't')({ v: value })).toBe(`<td title="${html}">${html}</td>`);
  });

  it('never reads template syntax inside an inserted value', () => {
    const fill = parseTemplate('{{a}}|{{b}}', 't');
    expect(fill({ a: '{{b}}', b: '{{#x}}</mj-text>{{/x}}' })).toBe('{{b}}|{{#x}}&lt;/mj-text&gt;{{/x}}');
  });

  it('throws naming the template when a value is missing or of the wrong kind', () => {
    expect(() => parseTemplate('{{missing}}', 'siteReport.mjml')({})).toThrow(/siteReport\.mjml.*missing/);
    expect(() => parseTemplate('{{#rows}}{{/rows}}', 't')({ rows: 'text' })).toThrow(/rows.*list/);
  });

  it('throws at parse time on an unbalanced list', () => {
    expect(() => parseTemplate('{{#rows}}x', 't')).toThrow(/never closed/);
    expect(() => parseTemplate('{{#a}}{{/b}}', 't')).toThrow(/closes/);
  });
});
