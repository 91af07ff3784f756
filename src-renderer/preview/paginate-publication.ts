/**
 * 打印预览 of the whole publication (wholePublicationHtml: cover, 目录, the six parts, charts, 第二部分's tables,
 * 绩效自评表): the print HTML, loaded in the preview's frame, replaced by the pages Chromium prints from it. Each
 * `<section>` starts a page (the HTML breaks before each) on the page box its named `@page` rule gives (the GB/T
 * 9704 text pages and the tables' pages have different margins); a table section is cut by rows as the tables-only
 * preview cuts it (splitSheet), any other one flows through Chromium's own fragmentation (flowSection). The page
 * numbers stand where the publication's `@page :right` / `:left` margin boxes print them, none on a page whose
 * named rule empties its margin boxes (the cover); the 目录's numbers are filled from where each target landed, as
 * the second print of the PDF fills them.
 */
import { SONGTI_STACK } from '../../src-core/export/publication-html';
import { documentPageRules, resolvePageBox, type PageBox } from './page-box';
import { splitSheet, type PreviewLayout, type PreviewPageInfo } from './paginate';
import { flowSection } from './paginate-flow';

const STYLE = `
html { background: #6b7280 !important; }
body { padding: 12px 0 !important; margin: 0 !important; background: transparent !important; }
.gk-source { position: absolute; left: -20000px; top: 0; visibility: hidden; }
.gk-source > section { margin: 0 !important; box-shadow: none !important; min-height: 0 !important; }
.gk-galley > section, .gk-page > section { margin: 0 !important; padding: 0 !important; width: auto !important;
  min-height: 0 !important; box-shadow: none !important; background: transparent !important; }
.gk-page { position: relative; overflow: hidden; background: #fff; margin: 0 auto 12px; box-sizing: border-box;
  box-shadow: 0 1px 6px rgba(0,0,0,.45); }
/* As the publication's @page :right / :left margin boxes print “— N —”: 4号 宋体, one character in from the
   版心's edge, 4.5 mm below it (publication-html.ts, PAGE_NUMBER). */
.gk-page-number { position: absolute; bottom: 0; box-sizing: border-box; padding-top: 4.5mm; font-family: ${SONGTI_STACK};
  font-size: 14pt; line-height: normal; letter-spacing: 0; white-space: nowrap; color: #000; }
.gk-page-number.right { text-align: right; padding-right: 14pt; }
.gk-page-number.left { text-align: left; padding-left: 14pt; }
`;

/** Lets the app paint (正在排版…, input) between two sections' layouts. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Replaces the body of `doc` (the whole publication's print HTML, loaded, its images decoded) by its printed pages
 * and returns what is on each. Asynchronous: it yields to the event loop (`pause`) before each section, so the
 * app stays responsive while 48 pages are laid out.
 */
export async function paginatePublicationDocument(
  doc: Document,
  pause: () => Promise<void> = nextTask,
): Promise<PreviewLayout> {
  await doc.fonts.ready;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  doc.head.appendChild(style);
  const rules = documentPageRules(doc);
  const unnumbered = unnumberedPageNames(doc);
  const source = doc.createElement('div');
  source.className = 'gk-source';
  const sections = [...doc.body.querySelectorAll<HTMLElement>(':scope > section')];
  for (const s of sections) source.appendChild(s);
  doc.body.appendChild(source);

  const out = doc.createElement('div');
  out.className = 'gk-pages';
  const pages: { el: HTMLElement; info: PreviewPageInfo; box: PageBox; numbered: boolean }[] = [];
  const targets = new Map<string, number>();
  for (const section of sections) {
    await pause();
    const name = doc.defaultView?.getComputedStyle(section).getPropertyValue('page') || 'auto';
    const box = resolvePageBox(rules, name);
    const orientation = box.width > box.height ? 'landscape' : 'portrait';
    const numbered = !unnumbered.has(name);
    const contentHeight = box.height - box.top - box.bottom;
    const first = pages.length;
    const table = section.querySelector<HTMLTableElement>('table.form');
    if (section.classList.contains('sheet') && table) {
      if (section.id) targets.set(section.id, first + 1);
      // The page box is print's own (whole px): a row fits when it overshoots by less than a layout unit.
      for (const p of splitSheet(doc, section, table, orientation, contentHeight, out, 1 / 64))
        pages.push({ ...p, box, numbered });
    } else {
      const flow = flowSection(
        doc,
        section,
        { width: box.width - box.left - box.right, height: contentHeight },
        source,
      );
      for (const [id, p] of flow.targets) targets.set(id, first + p + 1);
      for (const shell of flow.pages) {
        const el = doc.createElement('div');
        el.className = `gk-page ${orientation}`;
        el.dataset.testid = 'preview-page';
        el.appendChild(shell);
        out.appendChild(el);
        pages.push({ el, info: { orientation, table: null }, box, numbered });
      }
    }
  }
  source.remove();

  pages.forEach(({ el, box, numbered }, i) => {
    Object.assign(el.style, {
      width: `${box.width}px`,
      height: `${box.height}px`,
      padding: `${box.top}px ${box.right}px ${box.bottom}px ${box.left}px`,
    });
    if (!numbered) return;
    // Chromium counts the first page as a right-hand one: odd pages are :right, even ones :left.
    const right = i % 2 === 0;
    const n = doc.createElement('div');
    n.className = `gk-page-number ${right ? 'right' : 'left'}`;
    Object.assign(n.style, {
      height: `${box.bottom}px`,
      left: `${box.left}px`,
      right: `${box.right}px`,
    });
    n.textContent = `\u2014\u3000${i + 1}\u3000\u2014`;
    el.appendChild(n);
  });
  for (const slot of out.querySelectorAll<HTMLElement>('.toc-page[data-toc-page]')) {
    const page = targets.get(slot.dataset.tocPage ?? '');
    if (page !== undefined) slot.textContent = String(page);
  }
  doc.body.appendChild(out);
  return { pages: pages.map((p) => p.info) };
}

/**
 * The page names whose `@page` rule sets every margin box it has to `content: none` (the publication's cover):
 * their pages print no number, though they count.
 */
function unnumberedPageNames(doc: Document): Set<string> {
  const names = new Set<string>();
  for (const sheet of doc.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule.type !== 6) continue;
      const page = rule as CSSPageRule;
      const margins = [...((page as unknown as { cssRules?: CSSRuleList }).cssRules ?? [])] as unknown as {
        style?: CSSStyleDeclaration;
      }[];
      if (margins.length > 0 && margins.every((m) => m.style?.getPropertyValue('content') === 'none'))
        names.add(page.selectorText.trim());
    }
  }
  return names;
}
