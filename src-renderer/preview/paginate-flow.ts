/**
 * Flowing text cut into pages as Chromium's print cuts it. The breaks are not computed here: the section is laid
 * out in a multi-column “galley” whose column box is exactly the page's content box (`column-fill: auto`, a fixed
 * height), so Chromium's own block fragmentation — the engine print uses, with its orphans and widows,
 * `break-after: avoid`, `break-inside: avoid` and table rows — decides where each column (page) ends. Then each
 * column's content is copied into a page of its own: a block lying in one column is copied whole, a paragraph that
 * runs over into the next column is cut at the line where the column changes (found by its characters' client
 * rects), a table by rows with its header repeated and its row-spanning cells cut in two.
 */

/** Space between the galley's columns: any width works, this one keeps them well apart. */
const GAP_PX = 96;
/** Forced breaks a print honours (`page`, `left`, …): in a galley they must break the column instead. */
const PAGE_BREAKS = new Set(['page', 'left', 'right', 'recto', 'verso', 'always']);

/** One section flowed into pages: a shallow copy of the section per page, holding that page's content. */
export interface FlowResult {
  readonly pages: HTMLElement[];
  /** The page (0-based, within this section) each element with an id inside the section begins on. */
  readonly targets: ReadonlyMap<string, number>;
}

/**
 * Flows `section` (already in `doc`, styled as the print HTML styles it) into pages whose content box is
 * `width` × `height` CSS px. The section is moved into a galley under `host` (which must be laid out, not
 * `display: none`) and left there; the caller removes it.
 */
export function flowSection(
  doc: Document,
  section: HTMLElement,
  size: { readonly width: number; readonly height: number },
  host: HTMLElement,
): FlowResult {
  const galley = doc.createElement('div');
  galley.className = 'gk-galley';
  galley.style.cssText =
    `width:${size.width}px;height:${size.height}px;column-width:${size.width}px;` +
    `column-gap:${GAP_PX}px;column-fill:auto;`;
  host.appendChild(galley);
  galley.appendChild(section);
  columnBreaksForPageBreaks(doc, section);

  const left = galley.getBoundingClientRect().left;
  const columnAt = (x: number) => Math.max(0, Math.floor((x - left + GAP_PX / 2) / (size.width + GAP_PX)));
  const cut = new Cutter(doc, section, columnAt);
  cut.placeChildren(section);

  const targets = new Map<string, number>();
  if (section.id) targets.set(section.id, 0);
  for (const el of section.querySelectorAll<HTMLElement>('[id]')) {
    const col = cut.columnsOf(el);
    if (col) targets.set(el.id, col[0]);
  }
  const pages = cut.pages();
  pages.slice(1).forEach(truncateLeadingMargins);
  return { pages, targets };
}

/**
 * The margins above a page's first block go, as print drops the margins at an unforced break (a figure or a
 * heading starting a page stands at its top edge); after a forced break (a column break here, converted from a
 * page break above) they stay. Without this the copied page would run lower than the printed one and lose its
 * last line under the page's edge.
 */
function truncateLeadingMargins(page: HTMLElement): void {
  for (
    let el = page.firstElementChild as HTMLElement | null;
    el;
    el = el.firstElementChild as HTMLElement | null
  ) {
    if (el.style.breakBefore === 'column') return;
    el.style.marginTop = '0';
  }
}

/** A `break-before/after: page` (and its kin) inside the section breaks the galley's column instead. */
function columnBreaksForPageBreaks(doc: Document, section: HTMLElement): void {
  const view = doc.defaultView;
  if (!view) return;
  for (const el of section.querySelectorAll<HTMLElement>('*')) {
    const cs = view.getComputedStyle(el);
    if (PAGE_BREAKS.has(cs.breakBefore)) el.style.breakBefore = 'column';
    if (PAGE_BREAKS.has(cs.breakAfter)) el.style.breakAfter = 'column';
    if (cs.breakInside === 'avoid-page') el.style.breakInside = 'avoid';
  }
}

/** Whether an element's computed display lays it out in the line (its parent then holds inline content). */
function isInline(display: string): boolean {
  return display.startsWith('inline') || display === 'contents' || display === 'ruby';
}

/** Copies the galley's content, column by column, into one section shell per column. */
class Cutter {
  /** For each column: the copy, in that column's page, of each original element that has content there. */
  private readonly shells: Map<Element, HTMLElement>[] = [];
  private current = 0;

  constructor(
    private readonly doc: Document,
    private readonly section: HTMLElement,
    private readonly columnAt: (x: number) => number,
  ) {}

  pages(): HTMLElement[] {
    return this.shells.map((_, c) => this.shellOf(c, this.section));
  }

  /** The first and last column an element's boxes are in; null when it has no box. */
  columnsOf(el: Element): [number, number] | null {
    const all = [...el.getClientRects()];
    const rects = all.filter((r) => r.height > 0.5);
    const used = rects.length > 0 ? rects : all;
    if (used.length === 0) return null;
    const first = used[0] as DOMRect;
    const last = used[used.length - 1] as DOMRect;
    return [this.columnAt(first.left + 1), this.columnAt(last.left + 1)];
  }

  /**
   * The copy of `el` in column `col`'s page, made (with its ancestors up to the section) when it is not there yet.
   * A copy in a later column than the element's first is a continuation: without its id, and with no margin,
   * padding or border above it (a fragment's box is sliced, as `box-decoration-break: slice` prints it).
   */
  private shellOf(col: number, el: Element): HTMLElement {
    while (this.shells.length <= col) this.shells.push(new Map());
    const shells = this.shells[col] as Map<Element, HTMLElement>;
    const have = shells.get(el);
    if (have) return have;
    const copy = el.cloneNode(false) as HTMLElement;
    const continued = this.shells.slice(0, col).some((m) => m.has(el));
    if (continued) {
      copy.removeAttribute('id');
      copy.style.marginTop = '0';
      copy.style.paddingTop = '0';
      copy.style.borderTopWidth = '0';
    }
    shells.set(el, copy);
    if (el !== this.section && el.parentElement) this.shellOf(col, el.parentElement).appendChild(copy);
    return copy;
  }

  private append(col: number, parent: Element, node: Node): void {
    this.current = col;
    this.shellOf(col, parent).appendChild(node);
  }

  /** Places each child of `parent` (a block container) in the column(s) its boxes are in. */
  placeChildren(parent: Element): void {
    for (const node of [...parent.childNodes]) {
      if (node.nodeType === 3) {
        // White space between blocks prints nothing; a run of text among blocks is placed where it lies.
        if ((node.textContent ?? '').trim() === '') continue;
        const range = this.doc.createRange();
        range.selectNodeContents(node);
        const r = range.getClientRects()[0];
        this.append(r ? this.columnAt(r.left + 1) : this.current, parent, node.cloneNode(true));
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as HTMLElement;
      const cols = this.columnsOf(el);
      if (!cols) {
        this.append(this.current, parent, el.cloneNode(true));
        continue;
      }
      const [first, last] = cols;
      if (first === last) this.append(first, parent, el.cloneNode(true));
      else if (el.localName === 'table') this.splitTable(el as HTMLTableElement, first, last);
      else if (this.hasBlockChildren(el)) {
        // Its shell goes on every page it spans (the first one keeps its id), its children where they lie.
        for (let c = first; c <= last; c++) this.shellOf(c, el);
        this.placeChildren(el);
        this.current = last;
      } else this.splitLines(el, first, last);
    }
  }

  private hasBlockChildren(el: Element): boolean {
    const view = this.doc.defaultView;
    return [...el.children].some((c) => !isInline(view?.getComputedStyle(c).display ?? 'block'));
  }

  /** The column a character of `el`'s text is drawn in (a collapsed one: its nearest drawn neighbour's). */
  private charColumn(nodes: readonly Text[], starts: readonly number[], total: number, at: number): number {
    const range = this.doc.createRange();
    for (const i of [...Array(16).keys()].flatMap((d) => [at + d, at - d - 1])) {
      if (i < 0 || i >= total) continue;
      let n = 0;
      while (n + 1 < nodes.length && (starts[n + 1] as number) <= i) n++;
      const node = nodes[n] as Text;
      const offset = i - (starts[n] as number);
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0 || r.height > 0);
      if (rect) return this.columnAt(rect.left + 1);
    }
    return this.current;
  }

  /**
   * A paragraph drawn over several columns, cut where the column changes: the first character of each later
   * column is found by bisection (the columns of a paragraph's characters only grow). Each later piece starts a
   * line, so it loses the first line's indent; an earlier piece's last line was a full, justified one, so it stays
   * justified.
   */
  private splitLines(el: HTMLElement, first: number, last: number): void {
    const nodes: Text[] = [];
    const walker = this.doc.createTreeWalker(el, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const starts: number[] = [];
    let total = 0;
    for (const n of nodes) {
      starts.push(total);
      total += n.length;
    }
    const position = (i: number): [Node, number] => {
      if (nodes.length === 0) return [el, 0];
      let n = 0;
      while (n + 1 < nodes.length && (starts[n + 1] as number) <= i) n++;
      return [nodes[n] as Text, i - (starts[n] as number)];
    };
    const cuts: number[] = [0];
    for (let c = first + 1; c <= last; c++) {
      let lo = cuts[cuts.length - 1] as number;
      let hi = total;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.charColumn(nodes, starts, total, mid) >= c) hi = mid;
        else lo = mid + 1;
      }
      cuts.push(lo);
    }
    cuts.push(total);
    const justified = this.doc.defaultView?.getComputedStyle(el).textAlign === 'justify';
    for (let k = 0; k + 1 < cuts.length; k++) {
      const range = this.doc.createRange();
      range.setStart(...(k === 0 ? ([el, 0] as [Node, number]) : position(cuts[k] as number)));
      if (k + 2 === cuts.length) range.setEnd(el, el.childNodes.length);
      else range.setEnd(...position(cuts[k + 1] as number));
      const piece = el.cloneNode(false) as HTMLElement;
      piece.appendChild(range.cloneContents());
      if (k > 0) {
        piece.removeAttribute('id');
        piece.style.textIndent = '0';
      }
      if (k + 2 < cuts.length && justified) piece.style.textAlignLast = 'justify';
      if (el.parentElement) this.append(first + k, el.parentElement, piece);
    }
    this.current = last;
  }

  /**
   * A table drawn over several columns, cut by rows (a row lies in the column of its first box): each piece has the
   * table's caption only first, its column widths and header rows always (print repeats a header group on every
   * page), and a cell spanning rows of two pieces is cut in two, its content on the piece where it is drawn.
   */
  private splitTable(table: HTMLTableElement, first: number, last: number): void {
    const parent = table.parentElement;
    if (!parent) return;
    const pieces = new Map<number, HTMLTableElement>();
    const pieceOf = (c: number): HTMLTableElement => {
      const have = pieces.get(c);
      if (have) return have;
      const t = table.cloneNode(false) as HTMLTableElement;
      if (c > first) t.removeAttribute('id');
      for (const child of table.children) {
        if (child.localName === 'caption' && c === first) t.appendChild(child.cloneNode(true));
        if (child.localName === 'colgroup' || child.localName === 'col') t.appendChild(child.cloneNode(true));
        if (child.localName === 'thead') t.appendChild(child.cloneNode(true));
      }
      pieces.set(c, t);
      this.append(c, parent, t);
      return t;
    };
    for (let c = first; c <= last; c++) pieceOf(c);
    for (const group of table.children) {
      if (group.localName !== 'tbody' && group.localName !== 'tfoot' && group.localName !== 'tr') continue;
      const rows =
        group.localName === 'tr'
          ? [group as HTMLTableRowElement]
          : [...(group as HTMLTableSectionElement).rows];
      this.splitRows(group, rows, first, pieceOf);
    }
    this.current = last;
  }

  private splitRows(
    group: Element,
    rows: readonly HTMLTableRowElement[],
    first: number,
    pieceOf: (c: number) => HTMLTableElement,
  ): void {
    const rowCol: number[] = [];
    let col = first;
    for (const row of rows) {
      col = Math.max(col, this.columnsOf(row)?.[0] ?? col);
      rowCol.push(col);
    }
    const copies = new Map<number, Element>();
    const rowCopies: HTMLTableRowElement[] = [];
    /** Each original cell's copy (placeholders inserted later shift the copies' indices, not this). */
    const cellCopy = new Map<Element, HTMLTableCellElement>();
    rows.forEach((row, i) => {
      const c = rowCol[i] as number;
      let target: Element;
      if (group.localName === 'tr') target = pieceOf(c);
      else {
        const have = copies.get(c);
        target = have ?? (group.cloneNode(false) as Element);
        if (!have) {
          copies.set(c, target);
          pieceOf(c).appendChild(target);
        }
      }
      const copy = row.cloneNode(true) as HTMLTableRowElement;
      target.appendChild(copy);
      rowCopies.push(copy);
      [...row.cells].forEach((cell, j) => {
        const cc = copy.cells[j];
        if (cc) cellCopy.set(cell, cc);
      });
    });
    // Cells spanning rows that went to different pieces: one cell per piece, the content where it is drawn.
    const grid = gridColumns(rows);
    rows.forEach((row, i) => {
      for (const cell of row.cells) {
        const span = Math.min(cell.rowSpan || 1, rows.length - i);
        if (span <= 1 || rowCol[i + span - 1] === rowCol[i]) continue;
        const original = cellCopy.get(cell);
        if (!original) continue;
        const drawn = this.textColumn(cell) ?? rowCol[i];
        for (let start = i; start < i + span;) {
          const c = rowCol[start] as number;
          let end = start;
          while (end + 1 < i + span && rowCol[end + 1] === c) end++;
          const piece = start === i ? original : (original.cloneNode(false) as HTMLTableCellElement);
          piece.rowSpan = end - start + 1;
          if (start !== i) {
            const later = [...(rows[start] as HTMLTableRowElement).cells].find(
              (x) => (grid.get(x) ?? 0) > (grid.get(cell) ?? 0),
            );
            const before = later ? (cellCopy.get(later) ?? null) : null;
            (rowCopies[start] as HTMLTableRowElement).insertBefore(piece, before);
            if (drawn === c) while (original.firstChild) piece.appendChild(original.firstChild);
          }
          start = end + 1;
        }
      }
    });
  }

  /** The column the cell's text is drawn in, or null when it has none. */
  private textColumn(cell: Element): number | null {
    const range = this.doc.createRange();
    range.selectNodeContents(cell);
    const rect = [...range.getClientRects()].find((r) => r.width > 0 && r.height > 0);
    return rect ? this.columnAt(rect.left + 1) : null;
  }
}

/** A table cell as gridColumns reads it (a DOM cell, or a plain object in the tests). */
export interface GridCell {
  readonly rowSpan: number;
  readonly colSpan: number;
}

/**
 * The grid column each cell of `rows` starts in, skipping the slots that cells of earlier rows spanning down into
 * a row occupy (the HTML table model), so that a cell cut off a row-spanning cell can be put back where it belongs.
 */
export function gridColumns<C extends GridCell>(
  rows: readonly { readonly cells: ArrayLike<C> }[],
): Map<C, number> {
  const at = new Map<C, number>();
  const taken: Set<number>[] = rows.map(() => new Set());
  rows.forEach((row, i) => {
    let g = 0;
    for (const cell of Array.from(row.cells)) {
      while (taken[i]?.has(g)) g++;
      at.set(cell, g);
      for (let r = i; r < Math.min(rows.length, i + (cell.rowSpan || 1)); r++)
        for (let k = 0; k < (cell.colSpan || 1); k++) taken[r]?.add(g + k);
      g += cell.colSpan || 1;
    }
  });
  return at;
}
