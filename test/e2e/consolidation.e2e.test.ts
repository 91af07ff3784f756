import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportXlsx, writeDocument } from '../../src-core';
import { forms } from '../../src-core/consolidation/__tests__/fixtures';
import { threeUnits } from '../../src-core/consolidation/__tests__/fixtures';
import type { Page } from 'playwright-core';
import { screenshot, useApp } from './app-driver';

/** 添加单位: the host's file chooser (several files at once). */
async function pickMembers(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('consolidation-pick').click();
  await (await chooser).setFiles(files);
}

const app = useApp();

/** The three hand-checked units of the core tests, a damaged file and a unit of another year, as files. */
function memberFiles(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cons-e2e-'));
  const files = threeUnits().map((d, i) => {
    const f = path.join(dir, `单位${i + 1}.gongkai.json`);
    fs.writeFileSync(f, writeDocument(d));
    return f;
  });
  const bad = path.join(dir, '损坏.gongkai.json');
  fs.writeFileSync(bad, '{"format": "gongkai",');
  const [first] = threeUnits();
  const old = path.join(dir, '上年.gongkai.json');
  fs.writeFileSync(old, writeDocument({ ...first!, unit: { ...first!.unit, name: '丁单位', year: 2022 } }));
  return [...files, bad, old];
}

describe('单位汇总', () => {
  it('文件 › 打开 of a 汇总 file opens it as a 汇总 in the panel, not as an empty unit document', async () => {
    const { page, errors } = await app.open();
    const files = memberFiles();
    const dept = path.join(path.dirname(files[0] as string), '某局汇总.gongkai.json');
    const [first] = threeUnits();
    fs.writeFileSync(
      dept,
      writeDocument({
        ...first!,
        unit: { ...first!.unit, name: '某局' },
        tables: {},
        consolidation: { members: ['单位1.gongkai.json', '单位2.gongkai.json'] },
      }),
    );
    await page.getByTestId('menu-文件').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('cmd-open').click();
    await (await chooser).setFiles(dept);
    await expect.poll(() => page.getByTestId('consolidation-panel').isVisible()).toBe(true);
    const units = page.getByTestId('consolidation-unit');
    await expect.poll(() => units.count()).toBe(2);
    await expect
      .poll(() => page.getByTestId('consolidation-change').textContent())
      .toContain('已打开汇总文件，列有 2 个单位');
    expect(errors).toEqual([]);
  });

  it('lists each unit’s check, drills down into a consolidated cell and opens the unit there', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('consolidation-open').click();
    await page.getByTestId('consolidation-name').fill('某局');
    await page.getByTestId('consolidation-name').blur();
    const files = memberFiles();
    await pickMembers(page, files);
    const units = page.getByTestId('consolidation-unit');
    await expect.poll(() => units.count()).toBe(5);
    const rows = await units.allTextContents();
    expect(rows[0]).toContain('甲单位');
    expect(rows.find((r) => r.includes('甲单位'))).toMatch(/单位1\.gongkai\.json122已汇总/);
    expect(rows.find((r) => r.includes('损坏.gongkai.json'))).toContain('无法读取');
    expect(rows.find((r) => r.includes('丁单位'))).toContain('未汇总：是 2022 年度的决算');
    await expect
      .poll(() => page.getByTestId('consolidation-summary').textContent())
      .toContain('已汇总 3 个单位，2 个没有汇总');
    // The 0.02 in 合计 基本支出 is 甲's and 乙's own 尾数 added up: a warning with that reason.
    await expect
      .poll(() => page.getByTestId('consolidation-findings').textContent())
      .toContain('各单位分别取整到万元，尾数在汇总时累积：甲单位 +0.01、乙单位 +0.01，合计 +0.02');

    await page.getByTestId('consolidation-table-03').click();
    await page.getByTestId('consolidation-cell-合计-2').click();
    const parts = page.getByTestId('consolidation-part');
    await expect.poll(() => parts.count()).toBe(3);
    expect(await parts.allTextContents()).toEqual([
      '甲单位13.34填报打开该单位的这一格',
      '乙单位20.01填报打开该单位的这一格',
      '丙单位1.22按公式计算打开该单位的这一格',
    ]);
    await screenshot(page, 'consolidation-drill-down');

    await parts.nth(1).getByTestId('consolidation-open-unit').click();
    await expect.poll(() => page.getByTestId('page-03').textContent()).toContain('部门：乙单位');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the 汇总 file from the panel, reopens it, lists the members to pick again in a browser and replaces one', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('consolidation-open').click();
    await page.getByTestId('consolidation-name').fill('某局');
    await page.getByTestId('consolidation-name').blur();
    const files = memberFiles().slice(0, 3);
    await pickMembers(page, files);
    const units = page.getByTestId('consolidation-unit');
    await expect.poll(() => units.count()).toBe(3);

    // 移出 a unit: the 汇总 follows at once.
    await units.nth(2).getByRole('button', { name: '移出' }).click();
    await expect
      .poll(() => page.getByTestId('consolidation-summary').textContent())
      .toContain('已汇总 2 个单位');

    const download = page.waitForEvent('download');
    await page.getByTestId('consolidation-save').click();
    const saved = await (await download).path();
    const doc = JSON.parse(fs.readFileSync(saved, 'utf8')) as {
      unit: { name: string };
      consolidation: { members: string[] };
      tables: Record<string, unknown>;
    };
    expect(doc.unit.name).toBe('某局');
    expect(doc.consolidation.members).toEqual(['单位1.gongkai.json', '单位2.gongkai.json']);
    // The consolidated figures are not saved: reopening re-reads the members.
    expect(doc.tables).toEqual({});
    await expect
      .poll(() => page.getByTestId('consolidation-change').textContent())
      .toContain('列出 2 个单位');

    // Reopen it: a browser cannot read the members by path, so they are listed as not read, never dropped …
    const dept = path.join(path.dirname(files[0] as string), '某局汇总.gongkai.json');
    fs.copyFileSync(saved, dept);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('consolidation-open-file').click();
    await (await chooser).setFiles(dept);
    await expect.poll(() => units.count()).toBe(2);
    expect((await units.allTextContents()).every((r) => r.includes('无法读取'))).toBe(true);
    await expect
      .poll(() => page.getByTestId('consolidation-change').textContent())
      .toContain('请用“添加单位”重新选择');

    // … until picked again (same names replace them); a unit changed since is summed with its new figures.
    const [first] = threeUnits();
    const t03 = first!.tables['03']!;
    const changed = {
      ...first!,
      tables: {
        ...first!.tables,
        '03': { ...t03, values: { ...t03.values, 合计: { ...t03.values['合计'], '2': '14.34' } } },
      },
    };
    fs.writeFileSync(files[0] as string, writeDocument(changed));
    await pickMembers(page, files.slice(0, 2));
    await expect
      .poll(() => page.getByTestId('consolidation-change').textContent())
      .toContain('甲单位：现在可以读取，已计入汇总。');
    await page.getByTestId('consolidation-table-03').click();
    await page.getByTestId('consolidation-cell-合计-2').click();
    await expect
      .poll(() => page.getByTestId('consolidation-part').allTextContents())
      .toEqual(['甲单位14.34填报打开该单位的这一格', '乙单位20.01填报打开该单位的这一格']);
    await screenshot(page, 'consolidation-reopened');
    await expect
      .poll(() => page.getByTestId('consolidation-summary').textContent())
      .toContain('已汇总 2 个单位。');
    await page.getByTestId('consolidation-refresh').click();
    await expect
      .poll(() => page.getByTestId('consolidation-change').textContent())
      .toContain('浏览器不能按路径读取文件');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a filled Excel as a unit: summed like its .gongkai.json, what it read shown; a damaged one listed with why', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('consolidation-open').click();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cons-xlsx-'));
    const [a, b] = threeUnits();
    const jia = path.join(dir, '甲单位.xlsx');
    fs.writeFileSync(jia, await exportXlsx(forms(), a!));
    const yi = path.join(dir, '乙单位.gongkai.json');
    fs.writeFileSync(yi, writeDocument(b!));
    const bad = path.join(dir, '损坏.xlsx');
    fs.writeFileSync(bad, 'PK not really a workbook');
    await pickMembers(page, [jia, yi, bad]);
    const units = page.getByTestId('consolidation-unit');
    await expect.poll(() => units.count()).toBe(3);
    const rows = await units.allTextContents();
    expect(rows[0]).toMatch(/^甲单位甲单位\.xlsx122已汇总从 Excel 导入（.+）：读取 \d+ 张表/);
    expect(rows[2]).toMatch(/损坏\.xlsx.*无法读取：损坏\.xlsx：/);
    await expect
      .poll(() => page.getByTestId('consolidation-summary').textContent())
      .toContain('已汇总 2 个单位，1 个没有汇总');
    await page.getByTestId('consolidation-table-03').click();
    await page.getByTestId('consolidation-cell-合计-2').click();
    await expect
      .poll(() => page.getByTestId('consolidation-part').allTextContents())
      .toEqual(['甲单位13.34填报打开该单位的这一格', '乙单位20.01填报打开该单位的这一格']);
    await screenshot(page, 'consolidation-xlsx-member');
    expect(errors).toEqual([]);
    await page.close();
  });
});
