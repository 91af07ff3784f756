import { describe, expect, it } from 'vitest';
import { answer, cell, openTable, useApp } from './app-driver';

const app = useApp();

describe('what a finance user notices first', () => {
  it('a long finding never makes the window wider than the screen', async () => {
    const { page } = await app.open();
    await page.setViewportSize({ width: 1024, height: 768 });
    await openTable(page, '06');
    await cell(page, '06', 'r2', 2).click();
    await page.keyboard.type('79.49');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('finding-row').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.close();
  });

  it('金额单位: 万元→元→万元 converts exactly both ways, each one undoable step', async () => {
    const { page } = await app.open();
    const counts = await page.locator('.gk-findings-count').first().textContent();
    await page.getByTestId('nav-unit').click();
    await page.getByTestId('unit-money').selectOption('元');
    await answer(page, '乘以 10000', 'cancel');
    await expect.poll(() => page.getByTestId('unit-money').inputValue()).toBe('万元');
    await page.getByTestId('unit-money').selectOption('元');
    await answer(page, '乘以 10000', 'ok');
    await expect.poll(() => page.getByTestId('unit-money').inputValue()).toBe('元');
    await expect.poll(() => page.getByTestId('unit-tolerance').inputValue()).toBe('100');
    await openTable(page, '01');
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('14,554,100.00');
    await page.getByTestId('nav-unit').click();
    await page.getByTestId('unit-money').selectOption('万元');
    await answer(page, '四舍五入到两位小数', 'ok');
    await openTable(page, '01');
    // Back where it started: not 0.15 万元 (the figures read as 元 and divided again).
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('1,455.41');
    await expect.poll(() => page.locator('.gk-findings-count').first().textContent()).toBe(counts);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('14,554,100.00');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, '01', 'r1', 2).textContent()).toBe('1,455.41');
    await page.close();
  });

  it('adds a 科目 by its name when the name is unique, and lists the candidates when it is not', async () => {
    const { page } = await app.open();
    await openTable(page, '05');
    await page.getByTestId('add-code').fill('学前教育');
    await page.getByTestId('add-row').click();
    await expect.poll(() => cell(page, '05', '2050201', 1).textContent()).toBe('学前教育');
    await page.getByTestId('add-code').fill('事业运行');
    await page.getByTestId('add-row').click();
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/名称含“事业运行”的科目有 \d+ 个/);
    await page.close();
  });

  it('a computed cell holding a published figure says so in its tooltip, with 采用计算值', async () => {
    const { page } = await app.open();
    await openTable(page, '03');
    const total = cell(page, '03', '合计', 3);
    await expect.poll(() => total.getAttribute('class')).toContain('gk-override');
    // A 尾数 warning marks it today; once the rows below add up to it, the override alone still explains itself.
    await total.hover();
    await expect.poll(() => page.locator('.gk-tooltip').first().textContent()).toContain('应为');
    await page.mouse.move(0, 0);
    await cell(page, '03', '2013350', 3).click();
    await page.keyboard.type('230.69');
    await page.keyboard.press('Enter');
    await total.hover();
    await expect
      .poll(() => page.getByTestId('override-tooltip').textContent())
      .toContain('不随下级数据的修改而更新');
    await page
      .getByTestId('override-tooltip')
      .getByRole('button', { name: /采用计算值/ })
      .click();
    await expect.poll(() => total.getAttribute('class')).not.toContain('gk-override');
    await page.close();
  });

  it('Escape closes the print dialog at once', async () => {
    const { page } = await app.open();
    await page.getByTestId('menu-文件').click();
    await page.getByTestId('cmd-exportPdf').click();
    await page.getByTestId('dialog-printOptions').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('dialog-printOptions').count()).toBe(0);
    await page.close();
  });

  it('名词解释 shows run-in headings in 楷体, not whole definitions in bold', async () => {
    const { page } = await app.open();
    await page.getByTestId('nav-part:glossary').click();
    const first = page.locator('[data-paragraph]').first();
    await first.waitFor();
    const head = await first.locator('.gk-para-head').textContent();
    const whole = await first.textContent();
    expect(head && whole && head.length < whole.length).toBe(true);
    await page.close();
  });
});
