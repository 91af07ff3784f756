import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixCmap, fixPdfTextLayer } from '../pdf-text-layer';

const HEADER =
  '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n';
const FOOTER = '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend';
const hex = (s: string) =>
  [...s].map((c) => (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')).join('');

/** The code → text pairs of a CMap written as bfchar entries. */
function pairs(cmap: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of cmap.matchAll(/<([0-9A-F]+)> <([0-9A-F]+)>/g)) {
    if (m[1] === '00' && m[2] === 'FF') continue;
    out.set(
      m[1] as string,
      String.fromCharCode(...(m[2] as string).match(/.{4}/g)!.map((u) => parseInt(u, 16))),
    );
  }
  return out;
}

describe('fixCmap', () => {
  it('points a radical the printed text does not contain at the ideograph it does (⻔ → 门, ⽀ → 支)', () => {
    const cmap = `${HEADER}2 beginbfchar\n<01> <${hex('⻔')}>\n<02> <${hex('⽀')}>\nendbfchar${FOOTER}`;
    const fixed = fixCmap(cmap, new Set('部门支出'));
    expect(fixed?.count).toBe(2);
    expect(pairs(fixed?.cmap as string)).toEqual(
      new Map([
        ['01', '门'],
        ['02', '支'],
      ]),
    );
    expect(fixed?.cmap.startsWith(HEADER)).toBe(true);
    expect(fixed?.cmap.endsWith(FOOTER)).toBe(true);
  });

  it('keeps a radical the text really contains, and one whose ideograph is not in the text', () => {
    const cmap = `${HEADER}2 beginbfchar\n<01> <${hex('⻔')}>\n<02> <${hex('⽀')}>\nendbfchar${FOOTER}`;
    expect(fixCmap(cmap, new Set('⻔部首与支'))?.cmap).toContain(`<01> <${hex('⻔')}>`);
    expect(fixCmap(cmap, new Set('无关'))).toBeNull();
  });

  it('splits ranges: each code of a bfrange keeps its own text', () => {
    // <03>…<05> → 一 丨 丶 written as Kangxi radicals ⼀ ⼁ ⼂ (U+2F00…U+2F02), and an array range.
    const cmap = `${HEADER}2 beginbfrange\n<03> <05> <2F00>\n<06> <07> [<0041> <2F08>]\nendbfrange${FOOTER}`;
    const fixed = fixCmap(cmap, new Set('一丨丶人A'));
    expect(pairs(fixed?.cmap as string)).toEqual(
      new Map([
        ['03', '一'],
        ['04', '丨'],
        ['05', '丶'],
        ['06', 'A'],
        ['07', '人'],
      ]),
    );
  });

  it('picks, of the radical’s ideographs, the one printed (⼾ U+2F3E → 户 in simplified text, 戶 in traditional)', () => {
    const cmap = `${HEADER}1 beginbfchar\n<01> <2F3E>\nendbfchar${FOOTER}`;
    expect(pairs(fixCmap(cmap, new Set('账户'))?.cmap as string).get('01')).toBe('户');
    expect(pairs(fixCmap(cmap, new Set('帳戶'))?.cmap as string).get('01')).toBe('戶');
  });
});

describe('fixPdfTextLayer', () => {
  const flate = {
    inflate: (d: Uint8Array) => zlib.inflateSync(d),
    deflate: (d: Uint8Array) => zlib.deflateSync(d),
  };

  /** A one-font PDF laid out as Skia writes it, with a ToUnicode stream mapping <01> to `dst`. */
  function pdfWith(dst: string): Uint8Array {
    const cmap = zlib.deflateSync(
      Buffer.from(`${HEADER}1 beginbfchar\n<01> <${hex(dst)}>\nendbfchar${FOOTER}`, 'latin1'),
    );
    const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
    const offsets: number[] = [];
    const add = (b: Buffer) => {
      offsets.push(chunks.reduce((n, c) => n + c.length, 0));
      chunks.push(b);
    };
    add(Buffer.from('1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n', 'latin1'));
    add(Buffer.from('2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n', 'latin1'));
    add(Buffer.from('3 0 obj\n<</Type /Font /Subtype /Type3 /ToUnicode 4 0 R>>\nendobj\n', 'latin1'));
    add(
      Buffer.concat([
        Buffer.from(`4 0 obj\n<</Filter /FlateDecode\n/Length ${cmap.length}>> stream\n`, 'latin1'),
        cmap,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ]),
    );
    const xrefAt = chunks.reduce((n, c) => n + c.length, 0);
    const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
    chunks.push(
      Buffer.from(
        `xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<</Size 5\n/Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`,
        'latin1',
      ),
    );
    return new Uint8Array(Buffer.concat(chunks));
  }

  it('appends the corrected map as an incremental update whose cross-reference points at it', () => {
    const original = pdfWith('⻔');
    const { pdf, entriesFixed } = fixPdfTextLayer(original, '<p>部门</p>', flate);
    expect(entriesFixed).toBe(1);
    // The original bytes are untouched: nothing moved.
    expect(Buffer.from(pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const tail = Buffer.from(pdf.subarray(original.length)).toString('latin1');
    const offset = Number(/xref\n4 1\n(\d{10}) 00000 n \n/.exec(tail)?.[1]);
    const at = Buffer.from(pdf).toString('latin1').slice(offset);
    expect(at.startsWith('4 0 obj\n')).toBe(true);
    const length = Number(/\/Length (\d+)/.exec(at)?.[1]);
    const start = at.indexOf('stream\n') + 7;
    const cmap = zlib
      .inflateSync(Buffer.from(pdf.subarray(offset + start, offset + start + length)))
      .toString('latin1');
    expect(pairs(cmap).get('01')).toBe('门');
    const prev = /startxref\n(\d+)\n%%EOF\n$/.exec(Buffer.from(original).toString('latin1'))?.[1];
    expect(tail).toContain(`trailer\n<</Size 5\n/Root 1 0 R\n/Prev ${prev}>>`);
    expect(Number(/startxref\n(\d+)\n%%EOF\n$/.exec(tail)?.[1])).toBe(
      original.length + tail.indexOf('xref\n'),
    );
  });

  it('returns the very same bytes when no map names a radical', () => {
    const original = pdfWith('门');
    expect(fixPdfTextLayer(original, '部门', flate).pdf).toBe(original);
  });
});
