import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applyOperation, readDocument, writeDocument, type GongkaiDocument } from '../../document';
import type { PageSetup } from '../../document/types';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { setPageSetup } from '../../commands/set-page-setup';
import { buildPrintHtml } from '../print-html';
import { buildPublicationHtml } from '../publication-html';
import { exportXlsx } from '../xlsx-export';

const sample = loadSample();
const withSetup = (pageSetup: PageSetup): GongkaiDocument => ({ ...sample, pageSetup });
const read = (doc: unknown) => readDocument(JSON.stringify(doc), () => formSet);

/** The opening tag of one table's <section> and its <table>. */
function tableTags(html: string, id: string): { section: string; table: string } {
  const at = html.indexOf(`data-table="${id}"`);
  if (at < 0) throw new Error(`no section for table ${id}`);
  const section = html.slice(html.lastIndexOf('<section', at), html.indexOf('>', at) + 1);
  const tableAt = html.indexOf('<table', at);
  return { section, table: html.slice(tableAt, html.indexOf('>', tableAt) + 1) };
}
const fontPt = (tag: string) => Number(/font-size:([\d.]+)pt/.exec(tag)?.[1]);

async function sheets(doc: GongkaiDocument): Promise<ExcelJS.Workbook> {
  const bytes = await exportXlsx(formSet, doc);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return book;
}

describe('页面设置 in the document file', () => {
  it('is kept when the file is read and written back', () => {
    const setup: PageSetup = {
      orientation: { '06': 'landscape' },
      fit: 'scale',
      scale: 80,
      margins: { top: 20, bottom: 20, side: 10 },
      tables: ['01', '06'],
      cover: true,
      toc: true,
      repeatHeader: false,
    };
    const r = read(withSetup(setup));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.pageSetup).toEqual(setup);
    expect(r.notices).toBeUndefined();
    expect(JSON.parse(writeDocument(r.document)).pageSetup).toEqual(setup);
  });

  it('a damaged 页面设置 still opens the document, with the forms’ layout and a Chinese message saying what was wrong', () => {
    const r = read({ ...sample, pageSetup: { fit: 'huge', margins: { top: 1, bottom: 16, side: 15 } } });
    if (!r.ok) throw new Error(r.message);
    expect(r.document.pageSetup).toBeUndefined();
    // The figures are all there.
    expect(r.document.tables).toEqual(sample.tables);
    expect(r.notices).toHaveLength(1);
    expect(r.notices?.[0]).toContain('页面设置有误，已改用表样的默认设置');
    expect(r.notices?.[0]).toContain('页面设置 › 缩放方式');
    expect(r.notices?.[0]).toContain('页面设置 › 页边距 › 上：页边距应在 5—40 毫米之间');
  });

  it('drops the tables the forms do not have, and says which', () => {
    const r = read({ ...sample, pageSetup: { orientation: { '99': 'landscape' }, tables: ['01', '42'] } });
    if (!r.ok) throw new Error(r.message);
    expect(r.document.pageSetup).toEqual({ tables: ['01'] });
    expect(r.notices?.[0]).toMatch(/页面设置里有.*没有的表“99、42”，已略去/);
  });
});

describe('setPageSetup: one undoable step, checked as a file would be', () => {
  it('sets what it is given, keeps the rest, and undo gives back the document as it was', () => {
    const first = setPageSetup(formSet, sample, { orientation: { '05': 'landscape' } });
    if (!first.ok) throw new Error(first.message);
    expect(first.label).toBe('页面设置');
    const a = applyOperation(sample, first.operation);
    expect(a.doc.pageSetup).toEqual({ orientation: { '05': 'landscape' } });
    const second = setPageSetup(formSet, a.doc, { fit: 'width', orientation: { '04': 'portrait' } });
    if (!second.ok) throw new Error(second.message);
    const b = applyOperation(a.doc, second.operation);
    expect(b.doc.pageSetup).toEqual({ orientation: { '05': 'landscape', '04': 'portrait' }, fit: 'width' });
    expect(applyOperation(applyOperation(b.doc, b.inverse).doc, a.inverse).doc).toEqual(sample);
  });

  it('stores nothing that the forms say anyway, so setting the defaults back leaves no 页面设置', () => {
    const r = setPageSetup(formSet, sample, {
      orientation: { '04': 'landscape', '01': 'portrait' },
      fit: 'auto',
      tables: formSet.tables.map((t) => t.id),
      margins: { top: 15, bottom: 16, side: 15 },
      repeatHeader: true,
    });
    // Every one of these is the forms' own layout (04 is a landscape form): nothing to change.
    expect(r).toEqual({ ok: false, message: '页面设置没有变化。' });
    const set = setPageSetup(formSet, sample, { cover: true });
    if (!set.ok) throw new Error(set.message);
    const on = applyOperation(sample, set.operation).doc;
    const off = setPageSetup(formSet, on, { cover: false });
    if (!off.ok) throw new Error(off.message);
    expect(applyOperation(on, off.operation).doc).toEqual(sample);
  });

  it('refuses a setup that would not open again, in Chinese', () => {
    const refused = (change: Partial<PageSetup>) => {
      const r = setPageSetup(formSet, sample, change);
      return r.ok ? '' : r.message;
    };
    expect(refused({ fit: 'scale', scale: 10 })).toBe('页面设置没有改：缩放比例应在 30%—100% 之间。');
    expect(refused({ tables: [] })).toBe('页面设置没有改：至少要选一张表。');
    expect(refused({ margins: { top: 50, bottom: 16, side: 15 } })).toBe(
      '页面设置没有改：页边距应在 5—40 毫米之间。',
    );
    expect(refused({ tables: ['01', '13'] })).toContain('没有“13”这张表');
  });
});

describe('the print HTML follows the 页面设置', () => {
  const plain = buildPrintHtml(formSet, sample);

  it('prints a table in the orientation set for it, on a page of that orientation', () => {
    expect(tableTags(plain, '05').section).toContain('class="sheet portrait"');
    expect(tableTags(plain, '04').section).toContain('class="sheet landscape"');
    const html = buildPrintHtml(formSet, withSetup({ orientation: { '05': 'landscape', '04': 'portrait' } }));
    expect(tableTags(html, '05').section).toContain('class="sheet landscape"');
    expect(tableTags(html, '04').section).toContain('class="sheet portrait"');
  });

  it('fit to width keeps the table at its full size where the one-page rule shrinks it', () => {
    const auto = tableTags(plain, '06').table;
    const width = tableTags(buildPrintHtml(formSet, withSetup({ fit: 'width' })), '06').table;
    // 06 runs three rows over a page at full size: the rule shrinks it onto one.
    expect(auto).toContain('compact');
    expect(fontPt(auto)).toBeLessThan(10);
    expect(width).not.toContain('compact');
    expect(fontPt(width)).toBe(10);
  });

  it('a fixed scale sizes the table text, and one page shrinks further than the legible-size rule', () => {
    const scaled = buildPrintHtml(formSet, withSetup({ fit: 'scale', scale: 70 }));
    expect(fontPt(tableTags(scaled, '01').table)).toBeLessThanOrEqual(7);
    expect(tableTags(scaled, '06').table).not.toContain('compact');
    const one = buildPrintHtml(formSet, withSetup({ fit: 'onePage' }));
    expect(fontPt(tableTags(one, '06').table)).toBeLessThanOrEqual(fontPt(tableTags(plain, '06').table));
  });

  it('prints with the margins set, and fits the columns inside them', () => {
    expect(plain).toContain('margin: 15mm 15mm 16mm;');
    const html = buildPrintHtml(formSet, withSetup({ margins: { top: 25, bottom: 20, side: 30 } }));
    expect(html).toContain('margin: 25mm 30mm 20mm;');
    expect(html).not.toContain('margin: 15mm 15mm 16mm;');
  });

  it('repeats the header rows on every page unless told not to', () => {
    expect(tableTags(plain, '03').table).not.toContain('no-repeat');
    const html = buildPrintHtml(formSet, withSetup({ repeatHeader: false }));
    expect(tableTags(html, '03').table).toContain('no-repeat');
    expect(html).toContain('table.form.no-repeat thead { display: table-row-group; }');
  });

  it('prints the tables, cover and 目录 the setup names; what the caller passes wins', () => {
    const html = buildPrintHtml(formSet, withSetup({ tables: ['06', '01'], cover: true, toc: true }));
    expect([...html.matchAll(/data-table="(\d\d)"/g)].map((m) => m[1])).toEqual(['01', '06']);
    expect(html).toContain('<section class="cover"');
    expect(html).toContain('<section class="toc"');
    const asked = buildPrintHtml(formSet, withSetup({ tables: ['06'], cover: true }), {
      tables: ['09'],
      cover: false,
    });
    expect([...asked.matchAll(/data-table="(\d\d)"/g)].map((m) => m[1])).toEqual(['09']);
    expect(asked).not.toContain('<section class="cover"');
  });

  it('the whole publication prints its tables in the orientation set, on the forms’ margins', () => {
    const html = buildPublicationHtml(
      formSet,
      withSetup({ orientation: { '05': 'landscape' }, margins: { top: 30, bottom: 30, side: 30 } }),
    );
    expect(tableTags(html, '05').section).toContain('sheet landscape');
    expect(html).not.toContain('30mm 30mm 30mm');
  });
});

describe('the xlsx print setup follows the same 页面设置', () => {
  it('orientation, fit, scale, margins and repeated header rows', async () => {
    const plain = await sheets(sample);
    const p06 = (plain.getWorksheet('公开06表') as ExcelJS.Worksheet).pageSetup;
    expect([p06.orientation, p06.fitToWidth, p06.fitToHeight, p06.printTitlesRow]).toEqual([
      'landscape',
      1,
      1,
      '4:5',
    ]);
    const set = await sheets(
      withSetup({
        orientation: { '06': 'portrait' },
        fit: 'width',
        margins: { top: 25.4, bottom: 12.7, side: 19.05 },
        repeatHeader: false,
      }),
    );
    const s06 = (set.getWorksheet('公开06表') as ExcelJS.Worksheet).pageSetup;
    expect(s06.orientation).toBe('portrait');
    expect([s06.fitToWidth, s06.fitToHeight]).toEqual([1, 0]);
    expect(s06.printTitlesRow).toBeUndefined();
    expect(s06.margins).toMatchObject({ top: 1, bottom: 0.5, left: 0.75, right: 0.75 });
    const scaled = await sheets(withSetup({ fit: 'scale', scale: 70 }));
    const s01 = (scaled.getWorksheet('公开01表') as ExcelJS.Worksheet).pageSetup;
    expect(s01.scale).toBe(70);
    expect(s01.fitToPage).toBeFalsy();
  });
});
