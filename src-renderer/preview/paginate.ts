/**
 * 打印预览: lays the print HTML (buildPrintHtml, the very page the PDF is printed from) out as the A4 pages Chromium
 * prints. The print document is shown in an iframe; each <section> is measured where the HTML's own screen style
 * puts it (a page-wide box with the margins as padding, so the content box is the printed one) and cut where the
 * printer cuts it: a new page for each section, a table's rows kept whole (`break-inside: avoid`), its header rows
 * again on every page when the setup repeats them, 注 and 说明 after the last row or on a page of their own. The page
 * numbers are counted as `counter(page)` counts them (the cover is page 1 and shows none); the 目录's numbers are
 * filled from where each table landed, as the second print of the PDF fills them.
 */

/** What the preview found: the pages, in order. */
export interface PreviewLayout {
  readonly pages: readonly PreviewPageInfo[];
}

/** One page of the preview. */
export interface PreviewPageInfo {
  readonly orientation: 'portrait' | 'landscape';
  /** The table printed on this page, if any. */
  readonly table: string | null;
}

/** The tables' print margins (页面设置), in mm. */
export interface PageMarginsMm {
  readonly top: number;
  readonly bottom: number;
  readonly side: number;
}

const PX_PER_MM = 96 / 25.4;
/**
 * Row positions are measured in CSS px with fractions; a row that overshoots by less than this still fits. The
 * tables' own page height is computed from the millimetres, which print rounds to whole px (see page-box.ts): this
 * tolerance stands for that rounding there. A caller passing the rounded height passes print's own, 1/64 px.
 */
const EPSILON_PX = 0.5;

const PREVIEW_CSS = (m: PageMarginsMm) => `
html { background: #6b7280 !important; }
body { padding: 12px 0 !important; margin: 0 !important; }
.gk-source { position: absolute; left: -10000px; top: 0; visibility: hidden; }
.gk-source section { min-height: 0 !important; margin: 0 !important; box-shadow: none !important; }
.gk-page { position: relative; overflow: hidden; background: #fff; margin: 0 auto 12px;
  box-shadow: 0 1px 6px rgba(0,0,0,.45); padding: ${m.top}mm ${m.side}mm ${m.bottom}mm; box-sizing: border-box; }
.gk-page.portrait { width: 210mm; height: 297mm; }
.gk-page.landscape { width: 297mm; height: 210mm; }
.gk-page > section { margin: 0 !important; padding: 0 !important; box-shadow: none !important; width: auto !important;
  min-height: 0 !important; background: transparent !important; }
.gk-page-number { position: absolute; left: 0; right: 0; bottom: 0; height: ${m.bottom}mm; display: flex;
  align-items: center; justify-content: center; font-size: 10.5pt; }
`;

/**
 * Replaces the body of `doc` (the print HTML, loaded) by its printed pages. Returns what is on each page.
 * `margins` must be the ones the HTML was built with (its @page rule).
 */
export function paginatePrintDocument(doc: Document, margins: PageMarginsMm): PreviewLayout {
  const style = doc.createElement('style');
  style.textContent = PREVIEW_CSS(margins);
  doc.head.appendChild(style);
  const source = doc.createElement('div');
  source.className = 'gk-source';
  const sections = [...doc.body.querySelectorAll(':scope > section')] as HTMLElement[];
  for (const s of sections) source.appendChild(s);
  doc.body.appendChild(source);

  const out = doc.createElement('div');
  out.className = 'gk-pages';
  const pages: { el: HTMLElement; info: PreviewPageInfo }[] = [];
  const targets = new Map<string, number>();
  const newPage = (orientation: 'portrait' | 'landscape', table: string | null) => {
    const el = doc.createElement('div');
    el.className = `gk-page ${orientation}`;
    el.dataset.testid = 'preview-page';
    out.appendChild(el);
    pages.push({ el, info: { orientation, table } });
    return el;
  };

  for (const section of sections) {
    const orientation: 'portrait' | 'landscape' = section.classList.contains('landscape')
      ? 'landscape'
      : 'portrait';
    const available = ((orientation === 'portrait' ? 297 : 210) - margins.top - margins.bottom) * PX_PER_MM;
    if (section.id) targets.set(section.id, pages.length + 1);
    // Not `instanceof HTMLTableElement`: the frame's elements are of the frame's window, not this one.
    const table = section.querySelector<HTMLTableElement>('table.form');
    if (!section.classList.contains('sheet') || !table) {
      // The cover and the 目录: one page each (the 目录 lists at most a few dozen lines).
      const page = newPage(orientation, null);
      page.appendChild(section.cloneNode(true));
      if (section.classList.contains('cover')) page.dataset.cover = 'true';
      continue;
    }
    pages.push(...splitSheet(doc, section, table, orientation, available, out));
  }
  source.remove();
  doc.body.appendChild(out);

  // Page numbers as counter(page) gives them; the cover counts but shows none.
  pages.forEach(({ el }, i) => {
    if (el.dataset.cover === 'true') return;
    const n = doc.createElement('div');
    n.className = 'gk-page-number';
    n.textContent = `\u2014\u3000${i + 1}\u3000\u2014`;
    el.appendChild(n);
  });
  // The 目录's numbers, from where each target landed.
  for (const slot of doc.querySelectorAll<HTMLElement>('.toc-page[data-toc-page]')) {
    const page = targets.get(slot.dataset.tocPage ?? '');
    if (page !== undefined) slot.textContent = String(page);
  }
  return { pages: pages.map((p) => p.info) };
}

/**
 * One table's section (measured where it lies, in a page-wide box whose padding is its page's margins) cut into
 * pages of `available` px of content height; the pages are appended to `out`. Shared with the whole publication's
 * preview, whose 第二部分 prints the same table pages.
 */
export function splitSheet(
  doc: Document,
  section: HTMLElement,
  table: HTMLTableElement,
  orientation: 'portrait' | 'landscape',
  available: number,
  out: HTMLElement,
  tolerance = EPSILON_PX,
): { el: HTMLElement; info: PreviewPageInfo }[] {
  const tableId = section.dataset.table ?? null;
  const pad = parseFloat(doc.defaultView?.getComputedStyle(section).paddingTop ?? '0') || 0;
  const top = section.getBoundingClientRect().top + pad;
  const y = (el: Element) => el.getBoundingClientRect().top - top;
  const bottom = (el: Element) => el.getBoundingClientRect().bottom - top;
  const head = table.tHead;
  const headHeight = head ? head.getBoundingClientRect().height : 0;
  // A page the table runs on to starts with the table's own top edge again (its collapsed border's outer half, above
  // the first row group), then the repeated header: measured, 0.5 px with the forms' borders.
  const firstGroup = head ?? table.tBodies[0];
  const topEdge = firstGroup
    ? Math.max(0, firstGroup.getBoundingClientRect().top - table.getBoundingClientRect().top)
    : 0;
  const repeat = !table.classList.contains('no-repeat');
  const rows = [...(table.tBodies[0]?.rows ?? [])];
  const after = [...section.children].filter(
    (c) => c !== table && !c.classList.contains('title-block'),
  ) as HTMLElement[];

  // Which rows go on which page, from their positions in the unbroken layout.
  const groups: HTMLTableRowElement[][] = [[]];
  let pageTop = 0;
  let offset = 0;
  for (const row of rows) {
    const current = groups[groups.length - 1] as HTMLTableRowElement[];
    if (current.length > 0 && bottom(row) - pageTop + offset > available + tolerance) {
      groups.push([row]);
      pageTop = y(row);
      offset = topEdge + (repeat ? headHeight : 0);
    } else current.push(row);
  }
  // 注 and 说明 follow the last row, or start the next page when they do not fit under it.
  const tailBottom = after.length > 0 ? bottom(after[after.length - 1] as HTMLElement) : bottom(table);
  const tailOwnPage = after.length > 0 && tailBottom - pageTop + offset > available + tolerance;

  const result: { el: HTMLElement; info: PreviewPageInfo }[] = [];
  // A new page of this table: an empty copy of its section (without the id, which the first page alone may carry).
  const newPageShell = (): HTMLElement => {
    const page = doc.createElement('div');
    page.className = `gk-page ${orientation}`;
    page.dataset.testid = 'preview-page';
    out.appendChild(page);
    const shell = section.cloneNode(false) as HTMLElement;
    shell.removeAttribute('id');
    page.appendChild(shell);
    result.push({ el: page, info: { orientation, table: tableId } });
    return shell;
  };
  groups.forEach((group, i) => {
    const shell = newPageShell();
    if (i === 0) {
      const title = section.querySelector('.title-block');
      if (title) shell.appendChild(title.cloneNode(true));
    }
    const part = table.cloneNode(false) as HTMLTableElement;
    const cols = table.querySelector('colgroup');
    if (cols) part.appendChild(cols.cloneNode(true));
    if (head && (i === 0 || repeat)) part.appendChild(head.cloneNode(true));
    const body = doc.createElement('tbody');
    for (const row of group) body.appendChild(row.cloneNode(true));
    part.appendChild(body);
    shell.appendChild(part);
    if (i === groups.length - 1 && !tailOwnPage) for (const a of after) shell.appendChild(a.cloneNode(true));
  });
  if (tailOwnPage) {
    const shell = newPageShell();
    for (const a of after) shell.appendChild(a.cloneNode(true));
  }
  return result;
}
