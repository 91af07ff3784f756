import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinFormSet } from '../../src-core';
import { XlsxWriter } from '../../src-core/export/xlsx-writer';
import { ARTIFACTS, cell, openTable, screenshot, useApp } from './app-driver';

const app = useApp();
const catalog = builtinFormSet().catalog;

/** 20 项 of 类 the sample's 公开05表 does not have (205 教育, 207 文化旅游体育与传媒, 212 城乡社区), in a shuffled order. */
const CODES = (() => {
  const items = catalog
    .entries()
    .filter((e) => e.code.length === 7 && /^(205|207|212)/.test(e.code))
    .map((e) => e.code);
  const step = Math.floor(items.length / 20);
  const picked = Array.from({ length: 20 }, (_, i) => items[i * step] as string);
  // A fixed shuffle: the order of a clerk's own sheet, not the catalog's.
  return picked.map((_, i) => picked[(i * 7 + 3) % 20] as string);
})();

/** The table's rows as the grid shows them, top to bottom (the store's rows are the grid's rows). */
function rowKeys(page: Page, table: string): Promise<string[]> {
  return page.evaluate(
    (t) =>
      (
        window as unknown as { gongkaiStore: { workbook: { rows(t: string): { key: string }[] } } }
      ).gongkaiStore.workbook
        .rows(t)
        .map((r) => r.key),
    table,
  );
}

async function pasteOn(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ({ selector, text }) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document
        .querySelector(selector)
        ?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    { selector, text },
  );
}

const SCREENS = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
];

describe.each(SCREENS)('rows by code at $name', ({ name, width, height }) => {
  it('20 codes pasted in random order: rows and 类/款 in catalog order, totals recomputed, one Ctrl+Z removes them', async () => {
    const { page, errors } = await app.open();
    await page.setViewportSize({ width, height });
    await openTable(page, '05');
    const before = await rowKeys(page, '05');
    expect(before.filter((k) => /^\d+$/.test(k))).toHaveLength(21);
    await cell(page, '05', '201', 0).click();
    // 基本支出 1 … 20 (sum 210), 小计 left empty so the formula computes it.
    const block = CODES.map((code, i) => `${code}\t${catalog.nameOf(code)}\t\t${i + 1}`).join('\r\n');
    await pasteOn(page, '[data-testid=grid-05]', block);
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('按科目编码导入 20 行');
    const after = await rowKeys(page, '05');
    const parents = new Set(CODES.flatMap((c) => [c.slice(0, 3), c.slice(0, 5)]));
    expect(after.filter((k) => !before.includes(k)).sort()).toEqual(
      [...CODES, ...parents].filter((c, i, all) => all.indexOf(c) === i).sort(),
    );
    // Catalog order: every 科目 row in ascending code, each 类 above its 款 above its 项; 合计 stays first.
    const codes = after.filter((k) => /^\d+$/.test(k));
    expect(codes).toEqual([...codes].sort());
    await expect.poll(() => cell(page, '05', '合计', 2).textContent()).toBe('1,665.41');
    const first = CODES[0] as string;
    await expect.poll(() => cell(page, '05', first, 3).textContent()).toBe('1.00');
    await expect.poll(() => cell(page, '05', first, 2).textContent()).toBe('1.00');
    await screenshot(page, `rows-by-code-${name}`);
    // One step: the grid has the focus back, and one Ctrl+Z takes every row and figure away.
    await cell(page, '05', first, 3).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowKeys(page, '05')).toEqual(before);
    await expect.poll(() => cell(page, '05', '合计', 2).textContent()).toBe('1,455.41');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('添加科目 takes several lines at once: one step, a report of what landed', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width, height });
    await openTable(page, '05');
    await page.getByTestId('add-code').click();
    await pasteOn(page, '[data-testid=add-code]', `${CODES[4]}\n${CODES[9]}\t\t\t7\n`);
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('按科目编码导入 2 行');
    await expect.poll(() => cell(page, '05', CODES[9] as string, 3).textContent()).toBe('7.00');
    await expect.poll(() => page.getByTestId('add-code').inputValue()).toBe('');
    await page.close();
  });
});

describe('从Excel导入行', () => {
  it('guesses the block’s layout, shows the mapping before it applies, and undoes as one step', async () => {
    // A 久其-style sheet: title, two header rows with 本年支出 merged over its three columns, 类|款|项 split (款 and 项
    // typed as numbers, so their 0 is gone), a 合计 line and a 备注 column the table has no place for.
    const book = new XlsxWriter({ creator: 't', title: 't' });
    const ws = book.addSheet('明细');
    const rows: (string | number | undefined)[][] = [
      ['一般公共预算财政拨款支出明细'],
      ['类', '款', '项', '科目名称', '本年支出', undefined, undefined, '备注'],
      [undefined, undefined, undefined, undefined, '小计', '基本支出', '项目支出'],
      [undefined, undefined, undefined, '合计', 12, 4, 8],
      ['212', 1, 1, '行政运行', 4, 4, undefined, '见附件'],
      ['205', 2, 1, '学前教育', 8, undefined, 8, 2],
    ];
    rows.forEach((cells, r) => cells.forEach((v, c) => ws.set(r + 1, c + 1, v)));
    ws.merge(2, 5, 2, 7);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, '导入行-明细.xlsx');
    fs.writeFileSync(file, book.toBytes());

    const { page, errors } = await app.open();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openTable(page, '05');
    const before = await rowKeys(page, '05');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-rows').click();
    await (await chooser).setFiles(file);
    const ask = page.getByTestId('dialog-choice');
    await ask.waitFor();
    const text = (await ask.textContent()) ?? '';
    expect(text).toContain('科目编码：A、B、C 列（类|款|项）');
    expect(text).toContain('本年支出/基本支出 ← F 列“本年支出/基本支出”');
    expect(text).toContain('H 列“备注”：本表没有对应的栏，不导入');
    expect(text).toContain('第 4 行“合计 12 4 8”没有科目编码，未导入');
    await screenshot(page, 'import-rows-preview');
    // Nothing is applied before 导入.
    expect(await rowKeys(page, '05')).toEqual(before);
    await page.getByTestId('choice-import').click();
    await expect.poll(() => cell(page, '05', '2120101', 3).textContent()).toBe('4.00');
    await expect.poll(() => cell(page, '05', '2050201', 4).textContent()).toBe('8.00');
    await expect.poll(() => cell(page, '05', '合计', 2).textContent()).toBe('1,467.41');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowKeys(page, '05')).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
