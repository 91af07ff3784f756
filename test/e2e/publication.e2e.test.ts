import { describe, expect, it } from 'vitest';
import { answer, cell, openTable, screenshot, typeInto, useApp } from './app-driver';

const app = useApp();

describe('the publication around the tables', () => {
  it('marks in the text where the reference’s 情况说明 disagrees with 公开09表, and jumps there from 审核结果', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('nav-part:explanation').click();
    const section = page.getByTestId('section-explanation.threePublic');
    // 2.88 and 2.43 against the 全年预算 of 公开09表, 30.9%, 17.57 against last year's budget, and 完成年初预算的0%
    // of a zero budget (a warning); the 年初预算 figures are not in the tables and are listed as not checked.
    await expect.poll(() => section.getByTestId('text-mismatch').count()).toBe(5);
    await expect.poll(() => section.getByTestId('text-mismatch').first().textContent()).toBe('2.88万元');
    await expect
      .poll(() => section.getByTestId('text-mismatch').first().getAttribute('title'))
      .toContain('公开09表 1栏');
    // From the list of findings to the paragraph.
    await page.getByTestId('nav-01').click();
    await page.getByTestId('finding-row').filter({ hasText: '文字“2.88万元”' }).click();
    await section.waitFor();
    await expect.poll(() => page.locator('.gk-flash').count()).toBeGreaterThan(0);
    await screenshot(page, 'publication-three-public');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a changed table value makes the matching sentence a finding', async () => {
    const { page } = await app.open();
    await openTable(page, '06');
    await typeInto(cell(page, '06', 'r2', 2), '79.49'); // 30101 基本工资 +10 → 人员经费 353.37
    await page.getByTestId('nav-part:explanation').click();
    const basic = page.getByTestId('section-explanation.basic');
    await expect.poll(() => basic.getByTestId('text-mismatch').allTextContents()).toEqual(['343.37万元']);
    await expect
      .poll(() => basic.getByTestId('text-mismatch').first().getAttribute('title'))
      .toContain('应为 353.37万元');
    await page.close();
  });

  it('text typed in an open section counts as unsaved and goes into the document before 新建 asks', async () => {
    const { page } = await app.open();
    await page.getByTestId('nav-part:overview').click();
    await page.getByTestId('edit-overview.duties').click();
    const area = page.getByTestId('textarea-overview.duties');
    await area.fill('本中心负责全区新闻宣传工作。');
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('未保存');
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-new').click();
    // The app's own 保存 / 不保存 / 取消 dialog asks; 取消 keeps the sample.
    await expect.poll(() => page.getByTestId('dialog-choice').textContent()).toContain('未保存');
    await page.getByTestId('choice-cancel').click();
    // Declined: the sample stays, with the typed text now part of it (and undoable).
    await expect.poll(() => area.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('section-overview.duties').textContent())
      .toContain('本中心负责全区新闻宣传工作。');
    await expect.poll(() => page.getByTestId('status-file').textContent()).toContain('示例');
    await page.close();
  });

  it('按报表生成草稿 fills a section from the tables, leaving the reasons as 【待填写】', async () => {
    const { page } = await app.open();
    await page.getByTestId('nav-part:explanation').click();
    await page.getByTestId('draft-explanation.expenditure').click();
    await answer(page, '现有的', 'replace');
    const section = page.getByTestId('section-explanation.expenditure');
    await expect.poll(() => section.textContent()).toContain('基本支出348.29万元，占本年支出23.93%');
    await expect.poll(() => section.getByTestId('text-todo').count()).toBe(1);
    // The drafted sentence agrees with the tables: no mismatch mark.
    await expect.poll(() => section.getByTestId('text-mismatch').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => section.textContent()).toContain('主要原因是宣传事务减少3.34万元');
    await page.close();
  });

  it('补充数据: a different 年初预算 makes the 完成年初预算 sentence a finding', async () => {
    const { page } = await app.open();
    await page.getByTestId('nav-facts').click();
    const input = page.getByTestId('fact-budget-total');
    await expect.poll(() => input.inputValue()).toBe('1,639.64');
    await input.fill('1700');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('1,700.00');
    await page.getByTestId('nav-part:explanation').click();
    const general = page.getByTestId('section-explanation.general');
    await expect
      .poll(() => general.getByTestId('text-mismatch').allTextContents())
      .toEqual(['1639.64万元', '88.76%']);
    await page.close();
  });

  it('an empty table asks for its 说明', async () => {
    const { page } = await app.open();
    await openTable(page, '08');
    const note = page.getByTestId('note-08');
    await expect.poll(() => note.inputValue()).toContain('故本表无数据');
    await note.fill('');
    await note.blur();
    await expect
      .poll(() => page.getByTestId('finding-row').filter({ hasText: '公开08表没有数据' }).count())
      .toBe(1);
    await page.close();
  });
});

describe('绩效自评表', () => {
  it('a changed 执行数 makes its written 执行率 a finding, listed in 审核结果', async () => {
    const { page, errors } = await app.open();
    await page.getByTestId('nav-performance').click();
    await page.getByTestId('performance-tab-1').click();
    const actual = page.locator('[data-path="projects.1.actual"]');
    await actual.fill('900');
    await actual.press('Enter');
    const row = page.getByTestId('finding-row').filter({ hasText: '新闻宣传、政务新媒体' });
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    await expect.poll(() => row.first().textContent()).toContain('93%');
    await screenshot(page, 'performance-project');
    // 编辑 › 撤销 (Ctrl+Z inside a text field is the field's own undo).
    await page.getByTestId('menu-编辑').click();
    await page.getByTestId('cmd-undo').click();
    await expect.poll(() => row.count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
