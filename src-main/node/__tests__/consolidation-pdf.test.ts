// The 汇总's publication PDF: its 部门决算单位构成 follows the member list. Rendered by Chromium as the app's
// 导出PDF does, read back with pdf.js (not pdftotext, which folds look-alike characters).
import { describe, expect, it } from 'vitest';
import { Consolidation, formSetFor, newDocument, type GongkaiDocument } from '../../../src-core';
import { wholePublicationHtml } from '../../../src-core/export/whole-publication';
import { createChromiumRenderer } from '../pdf';
import { requirePdfTools } from '../../../test/helpers/pdf-reading';
import { pdfjsPageTexts } from '../../../test/helpers/pdf-text';

function shanghaiUnit(name: string, value: string): GongkaiDocument {
  const doc = newDocument(2024, { name }, { id: 'shanghai', year: 2024 });
  return { ...doc, tables: { '01': { values: { '1': { '1': value } } } } };
}

describe('the 汇总 publication PDF', () => {
  it('lists the members in 部门决算单位构成, and a member added appears there', async () => {
    requirePdfTools();
    const shanghai = formSetFor(2024, 'shanghai');
    if (!shanghai) throw new Error('no 上海 2024 profile');
    const c = new Consolidation(shanghai, shanghaiUnit('上海市某局', '1'));
    c.setMember(
      { id: 'a', label: 'a.gongkai.json' },
      { ok: true, document: shanghaiUnit('上海市某中心', '2') },
    );
    const renderer = createChromiumRenderer();
    const text = async () =>
      (await pdfjsPageTexts(await renderer.toPdf(wholePublicationHtml(shanghai, c.document()))))
        .join('\n')
        .replace(/\s+/g, '');
    try {
      const before = await text();
      expect(before).toContain('部门决算单位构成');
      expect(before).toContain('上海市某局（本级）');
      expect(before).toContain('上海市某中心');
      expect(before).not.toContain('上海市某研究所');
      c.setMember(
        { id: 'b', label: 'b.gongkai.json' },
        { ok: true, document: shanghaiUnit('上海市某研究所', '3') },
      );
      expect(await text()).toContain('3上海市某研究所');
    } finally {
      await renderer.close();
    }
  }, 180_000);
});
