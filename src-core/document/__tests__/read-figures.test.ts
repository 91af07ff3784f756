import { describe, expect, it } from 'vitest';
import { builtinFormSet, formSetFor, newDocument, readDocument, writeDocument } from '../..';
import { figuresJson, readDocumentFigures } from '../read-figures';

const encode = (s: string) => new TextEncoder().encode(s);

function unit() {
  const doc = newDocument(builtinFormSet().year, { name: '某单位' });
  return {
    ...doc,
    tables: { '01': { values: { '1': { '1': '12.34' } } } },
    sections: { overview: { paragraphs: ['他说：“\\\\ 引号 \\" 与反斜杠”', '第二段 \u0001'] } },
  };
}

describe('readDocumentFigures (a 汇总 reading a member)', () => {
  it('gives what readDocument(figuresOnly) gives, without the text', () => {
    const text = writeDocument(unit() as never);
    const fast = readDocumentFigures(encode(text), 'a.gongkai.json', formSetFor);
    const slow = readDocument(text, formSetFor, { figuresOnly: true });
    expect(fast).toEqual(slow);
    expect(fast.ok && fast.document.tables['01']?.values['1']?.['1']).toBe('12.34');
    expect(figuresJson(encode(text))).not.toContain('sections');
  });

  it('keeps the last of a repeated key, as JSON.parse does', () => {
    const doc = writeDocument(unit() as never)
      .trimEnd()
      .slice(0, -1);
    const text = `${doc},"tables":{"01":{"values":{"1":{"1":"5"}}}}}`;
    const fast = readDocumentFigures(encode(text), 'a.gongkai.json', formSetFor);
    expect(fast.ok && fast.document.tables['01']?.values['1']?.['1']).toBe('5');
  });

  it('says what opening the file says when the text part is malformed, truncated or not UTF-8', () => {
    const text = writeDocument(unit() as never);
    const broken = text.replace('"第二段', '第二段');
    const fast = readDocumentFigures(encode(broken), 'a.gongkai.json', formSetFor);
    expect(fast.ok).toBe(false);
    expect(!fast.ok && fast.message).toContain('JSON 格式错误');
    const cut = readDocumentFigures(encode(text.slice(0, text.length - 20)), 'a.gongkai.json', formSetFor);
    expect(cut.ok).toBe(false);
    const gbkLike = new Uint8Array([
      ...encode('{"format":"gongkai","unit":{"name":"'),
      0xc4,
      0xb3,
      ...encode('"}}'),
    ]);
    const bad = readDocumentFigures(gbkLike, 'b.gongkai.json', formSetFor);
    expect(bad.ok).toBe(false);
  });
});
