import { describe, expect, it } from 'vitest';
import type { GongkaiDocument } from '../../document/types';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { buildPrintHtml, chineseNumber, publishDateText } from '../print-html';
import { formSetFor } from '../../builtin-forms';
import { convertProfile } from '../../commands/convert-profile';

const sample = loadSample();
const html = buildPrintHtml(formSet, sample, {});

/** The <section> of one table, by id. */
function sectionOf(source: string, id: string): string {
  const start = source.indexOf(`data-table="${id}"`);
  if (start < 0) throw new Error(`no section for table ${id}`);
  const end = source.indexOf('</section>', start);
  return source.slice(start, end);
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '');

describe('buildPrintHtml: the official pages of the sample', () => {
  it('is one self-contained HTML document: no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|@import|url\(/i);
  });

  it('prints every table with its title block: 年度+title, 公开0X表, 部门 and 金额单位', () => {
    for (const t of formSet.tables) {
      const s = sectionOf(html, t.id);
      expect(s).toContain(`<h1>2023年度${t.title.replace(/"/g, '&quot;')}</h1>`);
      expect(s).toContain(`<div class="code">${t.code}</div>`);
      expect(s).toContain('<span>部门：武汉市汉阳区融媒体中心</span><span>金额单位：万元</span>');
    }
    expect(html.match(/<section class="sheet /g)).toHaveLength(9);
    // In the official order.
    const order = [...html.matchAll(/data-table="(\d\d)"/g)].map((m) => m[1]);
    expect(order).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
  });

  it('prints a 上海 2024 table as the template does: the unit’s …年度部门决算表 line above the title, 单位：万元', () => {
    const forms = formSetFor(2024, 'shanghai')!;
    const r = convertProfile(formSet, forms, sample);
    if (!r.ok) throw new Error(r.message);
    const out = buildPrintHtml(forms, r.conversion.document, {});
    for (const t of forms.tables) {
      const s = sectionOf(out, t.id);
      expect(s).toContain('<div class="heading">武汉市汉阳区融媒体中心2023年度部门决算表</div>');
      expect(s).toContain(`<h1>${t.title.replace(/"/g, '&quot;')}</h1>`);
      expect(s).not.toContain('<div class="code">');
      expect(s).not.toContain('部门：');
      expect(s).toContain('<span>单位：万元</span>');
    }
  });

  it('prints the key totals formatted #,##0.00', () => {
    const text = stripTags(html);
    for (const total of ['1,455.41', '348.29', '1,107.12', '343.37', '0.89', '1,332.23', '4.92']) {
      expect(text).toContain(total);
    }
    // 公开03表 合计 row: 1,455.41 | 348.29 | 1,107.12, right-aligned amounts.
    expect(sectionOf(html, '03')).toContain(
      '<td class="amt">1,455.41</td><td class="amt">348.29</td><td class="amt">1,107.12</td>',
    );
    // 公开06表 footer: 人员经费合计 343.37, 公用经费合计 4.92, spanning as the form does.
    expect(sectionOf(html, '06')).toContain(
      '<tr class="footer"><td class="foot" colspan="2">人员经费合计</td><td class="amt">343.37</td><td class="foot" colspan="5">公用经费合计</td><td class="amt">4.92</td></tr>',
    );
  });

  it('leaves empty amounts blank and blank layout cells blank', () => {
    const s01 = sectionOf(html, '01');
    // Row 2: 二、政府性基金预算财政拨款收入 | 2 | (empty) || 二、外交支出 | 33 | (empty)
    expect(s01).toContain(
      '<tr><td class="lbl">二、政府性基金预算财政拨款收入</td><td class="no">2</td><td class="amt"></td><td class="lbl">二、外交支出</td><td class="no">33</td><td class="amt"></td></tr>',
    );
    // Row 9 has no label on the income side: a blank text cell, its 行次, then a blank (not an amount) cell.
    expect(s01).toContain(
      '<tr><td class="lbl"></td><td class="no">9</td><td></td><td class="lbl">九、卫生健康支出</td>',
    );
    expect(stripTags(s01)).not.toMatch(/\b0\.00\b/);
  });

  it('repeats the full multi-row header in a <thead>, with the form’s spans', () => {
    for (const t of formSet.tables) {
      const s = sectionOf(html, t.id);
      const thead = /<thead>(.*?)<\/thead>/s.exec(s)?.[1] ?? '';
      expect(thead.match(/<tr/g)).toHaveLength(t.header.length);
      expect(thead.match(/<th/g)).toHaveLength(t.header.flat().length);
    }
    const s02 = sectionOf(html, '02');
    expect(s02).toContain('<th colspan="3">功能分类科目编码</th>');
    expect(s02).toContain('<th colspan="4">项目</th>');
    expect(sectionOf(html, '07')).toContain('<th rowspan="2">年初结转和结余</th>');
    expect(sectionOf(html, '04')).toContain('<th colspan="4">决算数</th>');
    expect(sectionOf(html, '09')).toContain('<th colspan="3">公务用车购置及运行维护费</th>');
    expect(html).toContain('table.form thead { display: table-header-group; }');
    expect(html).toContain('table.form tr { break-inside: avoid; }');
  });

  it('puts the 类/款/项 code in one cell spanning its three columns', () => {
    expect(sectionOf(html, '05')).toContain(
      '<td class="code" colspan="3">2013350</td><td class="lbl">事业运行</td>',
    );
    // The 合计 row has no code: an empty spanning cell.
    expect(sectionOf(html, '05')).toContain(
      '<tr class="total"><td class="code" colspan="3"></td><td class="lbl">合计</td>',
    );
  });

  it('sizes every column: one <col> per display column, widths summing to 100%', () => {
    for (const t of formSet.tables) {
      const s = sectionOf(html, t.id);
      const widths = [...s.matchAll(/<col style="width:([\d.]+)%">/g)].map((m) => Number(m[1]));
      const headerWidth = t.header[0]?.reduce((n, c) => n + (c.colSpan ?? 1), 0);
      expect(widths).toHaveLength(headerWidth as number);
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 1);
      expect(Math.min(...widths)).toBeGreaterThan(1);
      const font = Number(/<table class="form(?: compact)?" style="font-size:([\d.]+)pt">/.exec(s)?.[1]);
      // The sample's tables all fit the page width at the normal size; only 公开04表 and 公开06表 are shrunk, to
      // fit one page each in height (page-fit.ts), never below 65%.
      if (t.id === '04' || t.id === '06') expect(font).toBeLessThan(10);
      else expect(font).toBe(10);
      expect(font).toBeGreaterThanOrEqual(6.5);
    }
  });

  it('lays each table out in its form’s orientation, with named pages', () => {
    for (const t of formSet.tables) {
      expect(html).toContain(
        `<section class="sheet ${t.orientation}" id="gk-table-${t.id}" data-table="${t.id}"`,
      );
    }
    expect(formSet.tables.filter((t) => t.orientation === 'landscape').map((t) => t.id)).toEqual([
      '02',
      '03',
      '04',
      '06',
      '07',
      '09',
    ]);
    expect(html).toContain('@page landscape { size: A4 landscape; }');
    expect(html).toContain('.sheet.landscape { page: landscape; }');
    expect(html).toMatch(/@bottom-center \{[^}]*content: "—\u3000" counter\(page\) "\u3000—";/s);
    expect(html).toContain(`font-family: '宋体', SimSun, 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif;`);
  });

  it('prints the 注 lines and the 公开07/08表 说明 under the table', () => {
    const s07 = sectionOf(html, '07');
    expect(s07).toContain('<p>注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。</p>');
    expect(s07).toContain(
      '<div class="explanation"><p>本部门没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故本表无数据。</p></div>',
    );
    expect(s07.indexOf('</table>')).toBeLessThan(s07.indexOf('class="notes"'));
    expect(s07.indexOf('class="notes"')).toBeLessThan(s07.indexOf('class="explanation"'));
    expect(sectionOf(html, '08')).toContain(
      '本部门为公益一类事业单位，无国有资本经营预算财政拨款支出，故本表无数据。',
    );
    expect(sectionOf(html, '01')).toContain('<p>58行=（32+33+…+57）行；62行=（58+59+60）行。</p>');
    expect(sectionOf(html, '01')).not.toContain('class="explanation"');
  });

  it('escapes every text it prints', () => {
    const doc: GongkaiDocument = {
      ...sample,
      unit: { ...sample.unit, name: `<b>&"'` },
      tables: {
        ...sample.tables,
        '07': { ...sample.tables['07'], values: {}, note: '<script>alert(1)</script>' },
      },
    };
    const out = buildPrintHtml(formSet, doc, { cover: true, toc: true });
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('部门：&lt;b&gt;&amp;&quot;&#39;');
    expect(out).toContain('<title>&lt;b&gt;&amp;&quot;&#39;2023年度部门决算公开</title>');
    expect(out).toContain('<div class="cover-unit">&lt;b&gt;&amp;&quot;&#39;</div>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The titles' quotation marks are full-width “…” and pass unchanged.
    expect(out).toContain('财政拨款“三公”经费支出决算表');
  });

  it('prints a selection of tables, in the official order', () => {
    const out = buildPrintHtml(formSet, sample, { tables: ['05', '01'] });
    expect([...out.matchAll(/data-table="(\d\d)"/g)].map((m) => m[1])).toEqual(['01', '05']);
    expect(out).not.toContain('收入决算表</h1>');
    expect(() => buildPrintHtml(formSet, sample, { tables: ['01', '10'] })).toThrow('没有这些表：10');
    expect(() => buildPrintHtml(formSet, sample, { tables: [] })).toThrow('没有选择要打印的表');
  });

  it('adds no cover and no contents unless asked', () => {
    expect(html).not.toContain('class="cover"');
    expect(html).not.toContain('class="toc"');
  });

  it('adds a cover: 单位名称, 年度部门决算公开, 公开日期', () => {
    const out = buildPrintHtml(formSet, sample, { cover: true });
    const cover = /<section class="cover"[^>]*>(.*?)<\/section>/s.exec(out)?.[1] ?? '';
    expect(cover).toContain('<div class="cover-unit">武汉市汉阳区融媒体中心</div>');
    expect(cover).toContain('<div class="cover-title">2023年度部门决算公开</div>');
    expect(cover).toContain('<div class="cover-date">2024年10月21日</div>');
    expect(out.indexOf('class="cover"')).toBeLessThan(out.indexOf('data-table="01"'));
    // The cover page carries no page number.
    expect(out).toMatch(/@page cover \{[^}]*@bottom-center \{ content: none; \}/);
    const undated = buildPrintHtml(
      formSet,
      { ...sample, unit: { ...sample.unit, publishDate: '' } },
      { cover: true },
    );
    expect(undated).not.toContain('<div class="cover-date">');
  });

  it('adds a table of contents linking to the printed tables 一、二、…, with a slot for each page number', () => {
    const out = buildPrintHtml(formSet, sample, { toc: true, cover: true });
    const toc = /<section class="toc"[^>]*>(.*?)<\/section>/s.exec(out)?.[1] ?? '';
    expect(toc).toContain('<h2>目\u3000录</h2>');
    expect(toc).toContain('武汉市汉阳区融媒体中心2023年度部门决算表');
    const items = [
      ...toc.matchAll(
        /<li class="toc-entry"><a class="toc-link" href="#gk-table-(\d\d)"><span class="toc-text">(.*?)<\/span>.*?<span class="toc-page" data-toc-page="gk-table-(\d\d)"><\/span><\/a><\/li>/g,
      ),
    ].map((m) => {
      expect(m[3]).toBe(m[1]);
      return m[2];
    });
    expect(items).toEqual([
      '一、收入支出决算总表',
      '二、收入决算表',
      '三、支出决算表',
      '四、财政拨款收入支出决算总表',
      '五、一般公共预算财政拨款支出决算表',
      '六、一般公共预算财政拨款基本支出决算明细表',
      '七、政府性基金预算财政拨款收入支出决算表',
      '八、国有资本经营预算财政拨款支出决算表',
      '九、财政拨款“三公”经费支出决算表',
    ]);
    expect(out.indexOf('class="cover"')).toBeLessThan(out.indexOf('class="toc"'));
    expect(out.indexOf('class="toc"')).toBeLessThan(out.indexOf('data-table="01"'));
    const some = buildPrintHtml(formSet, sample, { toc: true, tables: ['09', '03'] });
    expect([...some.matchAll(/<span class="toc-text">(.*?)<\/span>/g)].map((m) => m[1])).toEqual([
      '一、支出决算表',
      '二、财政拨款“三公”经费支出决算表',
    ]);
  });

  it('formats 公开日期 and list numbers the Chinese way', () => {
    expect(publishDateText('2024-10-21')).toBe('2024年10月21日');
    expect(publishDateText('2024-01-05')).toBe('2024年1月5日');
    expect(publishDateText('2024年10月')).toBe('2024年10月');
    expect([1, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });

  it('prints a value that is not an amount as typed, not as blank', () => {
    const doc: GongkaiDocument = {
      ...sample,
      tables: { ...sample.tables, '09': { values: { main: { '2': '一百' } } } },
    };
    expect(sectionOf(buildPrintHtml(formSet, doc, { tables: ['09'] }), '09')).toContain(
      '<td class="amt">一百</td>',
    );
  });
});
