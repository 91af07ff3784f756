// Autosave failures are shown, retried and cleared (browser host: the tab's storage full); the charts, whose drawing
// code loads on first use, arrive without an error.
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { useApp } from './app-driver';

const app = useApp();

describe('autosave', () => {
  it('says so in the status bar when it cannot write, retries, and clears the warning once it can', async () => {
    const { page } = await app.open();
    // The app's 30 s autosave timer runs on a controlled clock (installed before the page starts, hence the reload).
    await page.clock.install();
    await page.reload();
    await page.getByTestId('grid-01').locator('.ag-row').first().waitFor();
    // The tab's storage refuses writes, as a full or disabled localStorage does.
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      (window as unknown as { restoreStorage: () => void }).restoreStorage = () => {
        Storage.prototype.setItem = original;
      };
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    await page.evaluate(() => {
      const store = (window as unknown as { gongkaiStore: { apply(op: object, label: string): void } })
        .gongkaiStore;
      store.apply(
        { type: 'setCells', table: '03', cells: [{ row: '2101102', col: '2', text: '1234' }] },
        '输入',
      );
    });
    await page.clock.fastForward(31_000);
    const flag = page.getByTestId('autosave-failed');
    await expect.poll(() => flag.isVisible()).toBe(true);
    expect(await flag.textContent()).toBe('自动保存失败');
    const notice = await page.getByTestId('notice').textContent();
    expect(notice).toContain('自动保存失败');
    expect(notice).toContain('示例：汉阳区融媒体中心2023.gongkai.json');
    expect(notice).toContain('本地存储已满或被禁用');

    // Still failing a round later: the warning stays.
    await page.clock.fastForward(31_000);
    expect(await flag.isVisible()).toBe(true);

    // Storage works again: the next round writes the snapshot and the warning goes.
    await page.evaluate(() => (window as unknown as { restoreStorage: () => void }).restoreStorage());
    await page.clock.fastForward(31_000);
    await expect.poll(() => flag.count()).toBe(0);
    expect(await page.getByTestId('notice').textContent()).toContain('自动保存已恢复');
    const stored = await page.evaluate(() => localStorage.getItem('gongkai.recovery'));
    expect(stored).toContain('1234');
  });
});

describe('charts load on first use', () => {
  it('draws 图1 on the 情况说明 page once ECharts has loaded', async () => {
    const { page, errors } = await app.open();
    expect(inject('appUrl')).toBeTruthy();
    const figure = await page.evaluate(async () => {
      const store = (
        window as unknown as {
          gongkaiStore: { chartsReady(): Promise<Record<string, { svg: string | null; title: string }>> };
        }
      ).gongkaiStore;
      const charts = await store.chartsReady();
      return { title: charts.totals?.title, svg: (charts.totals?.svg ?? '').slice(0, 4) };
    });
    expect(figure).toEqual({ title: '图1：收、支决算总计变动情况', svg: '<svg' });
    expect(errors).toEqual([]);
  });
});
