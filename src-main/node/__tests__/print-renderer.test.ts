// The warm print renderer with a fake engine: one engine per session, jobs one after another, a failed engine
// replaced, the 目录 numbered in one print when the last print of the same 目录 gives its pages.
import { describe, expect, it } from 'vitest';
import { tocEntryHtml, tocTargetId } from '../../../src-core/export/toc-pages';
import { tinyPdf } from '../../../test/helpers/tiny-pdf';
import { createPrintRenderer, type PrintSurface } from '../print-renderer';

function fakeEngine(dests: (html: string) => Record<string, number> = () => ({})) {
  const log = {
    opened: 0,
    closed: 0,
    printed: [] as { html: string; tagged: boolean }[],
    running: 0,
    most: 0,
  };
  let failNext = false;
  const open = async (): Promise<PrintSurface> => {
    log.opened++;
    let closed = false;
    return {
      printPdf: async (html, { tagged }) => {
        if (closed) throw new Error('printed on a closed engine');
        log.running++;
        log.most = Math.max(log.most, log.running);
        await new Promise((r) => setTimeout(r, 1));
        log.running--;
        if (failNext) {
          failNext = false;
          throw new Error('Target closed');
        }
        log.printed.push({ html, tagged });
        const d = dests(html);
        return tinyPdf({ tree: [Math.max(1, ...Object.values(d))], dests: d });
      },
      close: async () => {
        closed = true;
        log.closed++;
      },
    };
  };
  return { open, log, failNextPrint: () => (failNext = true) };
}

const toc = (keys: string[]) =>
  `<ul>${keys.map((k) => tocEntryHtml(`表${k}`, tocTargetId('table', k), 'toc-entry')).join('')}</ul>`;

describe('createPrintRenderer', () => {
  it('warms up ahead of the first export: the engine opened and a page printed, which the export then reuses', async () => {
    const { open, log } = fakeEngine();
    const renderer = createPrintRenderer(open);
    await renderer.warmUp();
    expect(log.opened).toBe(1);
    expect(log.printed).toHaveLength(1);
    expect(log.printed[0]?.html).toContain('收入支出决算总表');
    expect(renderer.counts.prints).toBe(0); // not an export
    await renderer.toPdf('<p>公开01表</p>');
    expect(log.opened).toBe(1);
    expect(renderer.counts.prints).toBe(1);
    await renderer.close();
  });

  it('drops a warm-up that fails; the first export opens a fresh engine', async () => {
    const { open, log, failNextPrint } = fakeEngine();
    const renderer = createPrintRenderer(open);
    failNextPrint();
    await expect(renderer.warmUp()).resolves.toBeUndefined();
    await renderer.toPdf('<p>公开01表</p>');
    expect(log.opened).toBe(2);
    expect(log.printed.map((p) => p.html)).toEqual(['<p>公开01表</p>']);
    await renderer.close();
  });

  it('opens one engine for several exports, runs them one at a time, and closes it at the end', async () => {
    const { open, log } = fakeEngine();
    const renderer = createPrintRenderer(open);
    expect(log.opened).toBe(0);
    const pdfs = await Promise.all([renderer.toPdf('<p>一</p>'), renderer.toPdf('<p>二</p>')]);
    await renderer.toPdf('<p>三</p>');
    expect(pdfs.every((p) => new TextDecoder('latin1').decode(p.subarray(0, 5)) === '%PDF-')).toBe(true);
    expect(log.opened).toBe(1);
    expect(log.most).toBe(1);
    expect(log.printed.map((p) => p.html)).toEqual(['<p>一</p>', '<p>二</p>', '<p>三</p>']);
    await renderer.close();
    expect(log.closed).toBe(1);
    expect(renderer.counts).toEqual({ opened: 1, prints: 3 });
  });

  it('replaces an engine whose print failed, and says why the failed export failed', async () => {
    const engine = fakeEngine();
    const renderer = createPrintRenderer(engine.open);
    await renderer.toPdf('<p>一</p>');
    engine.failNextPrint();
    await expect(renderer.toPdf('<p>二</p>')).rejects.toThrow('Target closed');
    expect(engine.log.closed).toBe(1);
    await renderer.toPdf('<p>三</p>');
    expect(engine.log.opened).toBe(2);
    await renderer.close();
    expect(engine.log.closed).toBe(2);
  });

  it('tries again to open an engine that could not start', async () => {
    let tries = 0;
    const renderer = createPrintRenderer(async () => {
      tries++;
      if (tries === 1) throw new Error('找不到 Chromium 浏览器');
      return fakeEngine().open();
    });
    await expect(renderer.toPdf('<p>')).rejects.toThrow('找不到 Chromium 浏览器');
    await renderer.toPdf('<p>');
    expect(tries).toBe(2);
  });

  it('numbers a 目录 with a draft and a tagged print first, then in one print while its pages stand', async () => {
    const pages = { 'gk-table-01': 3, 'gk-table-02': 5 };
    const { open, log } = fakeEngine(() => pages);
    const renderer = createPrintRenderer(open);
    const html = toc(['01', '02']);
    await renderer.toPdf(html);
    expect(log.printed.map((p) => p.tagged)).toEqual([false, true]);
    expect(log.printed[1]?.html).toContain('data-toc-page="gk-table-02">5<');
    log.printed.length = 0;
    // The same 目录 again (the document edited, its pages unchanged): one print, numbers checked by that print.
    await renderer.toPdf(html.replace('表01', '表01 '));
    expect(log.printed).toHaveLength(1);
    expect(log.printed[0]).toMatchObject({ tagged: true });
    expect(log.printed[0]?.html).toContain('data-toc-page="gk-table-01">3<');
    log.printed.length = 0;
    // A table moved: the print shows it, and the page is printed again with the right number.
    pages['gk-table-02'] = 6;
    await renderer.toPdf(html);
    expect(log.printed.map((p) => /gk-table-02">(\d+)</.exec(p.html)?.[1])).toEqual(['5', '6']);
    // A 目录 with other entries is not guessed from this one.
    log.printed.length = 0;
    await renderer.toPdf(toc(['01', '03']));
    expect(log.printed.map((p) => p.tagged)).toEqual([false, true]);
  });

  it('hands a printer the numbered HTML, and HTML without a 目录 as it is, printing nothing for it', async () => {
    const { open, log } = fakeEngine(() => ({ 'gk-table-01': 2 }));
    const renderer = createPrintRenderer(open);
    expect(await renderer.numbered('<p>无目录</p>')).toBe('<p>无目录</p>');
    expect(log.opened).toBe(0);
    expect(await renderer.numbered(toc(['01']))).toContain('data-toc-page="gk-table-01">2<');
  });

  it('prints a 目录 whose sections declare their pages once, on the first export too; a wrong declaration is printed again', async () => {
    const sections = (ids: string[]) =>
      `<section class="toc" data-pages="1">${toc(ids)}</section>` +
      ids.map((k) => `<section id="${tocTargetId('table', k)}" data-pages="1"></section>`).join('');
    const pages: Record<string, number> = { 'gk-table-01': 2, 'gk-table-02': 3 };
    const { open, log } = fakeEngine(() => pages);
    const renderer = createPrintRenderer(open);
    await renderer.toPdf(sections(['01', '02']));
    expect(log.printed.map((p) => p.tagged)).toEqual([true]);
    expect(log.printed[0]?.html).toContain('data-toc-page="gk-table-02">3<');
    // 表01 ran over onto a second page after all: the print shows it, and the page is printed again.
    log.printed.length = 0;
    pages['gk-table-02'] = 4;
    await renderer.toPdf(sections(['01', '02']).replace('表01', '表01 '));
    expect(log.printed.map((p) => /gk-table-02">(\d+)</.exec(p.html)?.[1])).toEqual(['3', '4']);
  });
});
