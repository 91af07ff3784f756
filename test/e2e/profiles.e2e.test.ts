import { describe, expect, it } from 'vitest';
import { screenshot, useApp } from './app-driver';

const app = useApp();

describe('新建 picks the form profile', () => {
  it('offers every shipped profile, and a 上海 2024 document stays on the 上海 forms for the next 新建', async () => {
    const { page, errors } = await app.open();
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    // The open document's profile (the sample: national 2023) is preselected.
    await expect.poll(() => page.getByTestId('new-profile-national@2023').isChecked()).toBe(true);
    await page.getByTestId('new-profile-shanghai@2024').check();
    await screenshot(page, 'new-document-profiles');
    await page.getByTestId('new-create').click();
    // The 上海 tables: 表七 is the 三公 table there (公开09表 in the national forms).
    await expect
      .poll(() => page.getByTestId('nav-07').getAttribute('title'))
      .toBe('表七 财政拨款“三公”经费支出决算表');
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('尚未保存');

    // 新建 again: the 上海 profile is now the preselected one.
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    await expect.poll(() => page.getByTestId('new-profile-shanghai@2024').isChecked()).toBe(true);
    await page.getByTestId('new-create').click();
    await expect
      .poll(() => page.getByTestId('nav-07').getAttribute('title'))
      .toBe('表七 财政拨款“三公”经费支出决算表');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('新建 on the national 2024 forms: 公开01—09表 titled 2024年度', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    await page.getByTestId('new-profile-national@2024').check();
    await page.getByTestId('new-create').click();
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('尚未保存');
    await expect
      .poll(() => page.getByTestId('nav-09').getAttribute('title'))
      .toBe('公开09表 财政拨款“三公”经费支出决算表');
    await page.getByTestId('nav-01').click();
    await expect
      .poll(() => page.getByTestId('page-01').locator('h1').textContent())
      .toBe('2024年度收入支出决算总表');
    await screenshot(page, 'new-document-national-2024');
    // 新建 again: national 2024 is now the preselected profile.
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    await expect.poll(() => page.getByTestId('new-profile-national@2024').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('转换表样 shows the report first, then opens the sample on the 上海 forms unsaved; 审核结果 speaks 上海 terms', async () => {
    const { page, errors } = await app.open();
    page.on('dialog', (d) => void d.accept());
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-convertProfile').click();
    await page.getByTestId('convert-profile-shanghai@2024').check();
    const report = page.getByTestId('convert-report');
    await expect.poll(() => report.textContent()).toContain('所有金额都已转入');
    await expect.poll(() => report.textContent()).toContain('目标表样没有的文字部分（未转入）');
    await screenshot(page, 'convert-profile-report');
    await page.getByTestId('convert-apply').click();
    await expect
      .poll(() => page.getByTestId('nav-07').getAttribute('title'))
      .toBe('表七 财政拨款“三公”经费支出决算表');
    await expect
      .poll(() => page.getByTestId('status-file').textContent())
      .toMatch(/（上海市 2024 年度）\.gongkai\.json · 未保存/);
    // The 上海 title block: the unit's “…年度部门决算表” line above a title without the year; 单位：万元, no 部门 line.
    await page.getByTestId('nav-01').click();
    await expect
      .poll(() => page.getByTestId('title-heading-01').textContent())
      .toBe('武汉市汉阳区融媒体中心2023年度部门决算表');
    const block = page.getByTestId('page-01').locator('.gk-title-block');
    await expect.poll(() => block.locator('h1').textContent()).toBe('收入支出决算总表');
    await expect.poll(() => block.textContent()).toContain('单位：万元');
    expect(await block.textContent()).not.toContain('部门：');
    await screenshot(page, 'shanghai-title-block');
    await page.getByTestId('nav-03').click();
    const panel = page.locator('.gk-rule');
    await expect.poll(() => panel.count()).toBeGreaterThan(0);
    const rules = await panel.allTextContents();
    expect(rules.join('\n')).toContain('本年支出合计等于其余各栏之和');
    expect(rules.join('\n')).not.toMatch(/\d栏|栏各行|公开\d\d表/);
    // A marked cell's tooltip and the 审核结果 rows name cells by 科目编码/项目 and column header as well.
    const findings = await page.getByTestId('finding-row').allTextContents();
    expect(findings.join('\n')).toContain('表三 ');
    expect(findings.join('\n')).not.toMatch(/\d栏|\d行|栏各行|公开\d\d表/);
    await page.locator('[data-testid=grid-03] .ag-cell.gk-warning').first().hover();
    const tip = page.getByTestId('finding-tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('尾数差异');
    expect(await tip.textContent()).not.toMatch(/\d栏|\d行|栏各行|公开\d\d表/);
    await screenshot(page, 'shanghai-grid-findings');
    expect(errors).toEqual([]);
    await page.close();
  });
});
