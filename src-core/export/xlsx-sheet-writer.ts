import { columnLetter } from './sheet-geometry';
import type { XlsxStyles, XlsxStyle } from './xlsx-styles';
import { escapeXml } from './xlsx-xml';

/** What a cell holds: text, a number, or a formula with its cached result (none: the spreadsheet computes it). */
export type XlsxValue = string | number | { readonly formula: string; readonly result?: number };

/** Print setup of a sheet, as the forms need it (A4 = paper size 9). */
export interface XlsxPageSetup {
  readonly paperSize?: number;
  readonly orientation: 'portrait' | 'landscape';
  readonly fitToWidth?: number;
  /** 0: as many pages down as needed. */
  readonly fitToHeight?: number;
  /** Print at this percent (10–400) instead of fitting to pages. */
  readonly scale?: number;
  readonly horizontalCentered?: boolean;
  /** Inches. */
  readonly margins?: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  readonly printTitleRows?: readonly [number, number];
}

export interface XlsxSheetOptions {
  readonly hidden?: boolean;
  readonly pageSetup?: XlsxPageSetup;
  /** `&C…` codes of the footer on every page. */
  readonly footer?: string;
  /** Rows frozen at the top. */
  readonly frozenRows?: number;
}

/** A picture placed at a row of column A (pixels at 96 dpi), stored as a PNG. */
export interface XlsxImage {
  readonly png: Uint8Array;
  readonly row: number;
  readonly width: number;
  readonly height: number;
}

interface CellSlot {
  value?: XlsxValue;
  style: number;
}

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** EMU per pixel at 96 dpi, the unit of drawing sizes. */
const EMU_PER_PIXEL = 9525;

/**
 * One worksheet being written: cells set in any order, merges (each checked against the cells already merged, in
 * time linear in the merge's own size), column widths, row heights, print setup. Serialised once, row by row.
 */
export class XlsxSheet {
  readonly images: XlsxImage[] = [];
  private readonly rows: (CellSlot[] | undefined)[] = [];
  private readonly merges: { top: number; left: number; bottom: number; right: number }[] = [];
  private readonly merged = new Set<number>();
  private readonly widths = new Map<number, number>();
  private readonly heights = new Map<number, number>();
  private pageSetup: XlsxPageSetup | undefined;

  constructor(
    readonly name: string,
    private readonly styles: XlsxStyles,
    readonly options: XlsxSheetOptions = {},
  ) {
    this.pageSetup = options.pageSetup;
  }

  /** Sets a cell's value and, when given, its look (1-based row and column). */
  set(row: number, col: number, value: XlsxValue | undefined, style?: XlsxStyle): void {
    const slot = this.slot(row, col);
    if (value !== undefined) slot.value = value;
    if (style) slot.style = this.styles.id(style);
  }

  /** Gives a cell a look without changing its value. */
  style(row: number, col: number, style: XlsxStyle): void {
    this.slot(row, col).style = this.styles.id(style);
  }

  /** Merges a range; a range overlapping one merged before is an error, as in Excel. */
  merge(top: number, left: number, bottom: number, right: number): void {
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const key = r * 16384 + c;
        if (this.merged.has(key)) throw new Error(`合并单元格重叠：${this.name}!${columnLetter(c)}${r}`);
        this.merged.add(key);
      }
    this.merges.push({ top, left, bottom, right });
  }

  setWidth(col: number, width: number): void {
    this.widths.set(col, width);
  }
  widthOf(col: number): number | undefined {
    return this.widths.get(col);
  }
  setHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }
  heightOf(row: number): number | undefined {
    return this.heights.get(row);
  }
  setPageSetup(setup: XlsxPageSetup): void {
    this.pageSetup = setup;
  }
  pageSetupOf(): XlsxPageSetup | undefined {
    return this.pageSetup;
  }

  addImage(image: XlsxImage): void {
    this.images.push(image);
  }

  /** The worksheet part; `sharedString` gives a text's index in the shared strings, `drawing` the drawing's rel id. */
  xml(sharedString: (text: string) => number, drawing: string | undefined): string {
    const out: string[] = [];
    // The cells a merge covers show its first cell's look (its borders run round the whole range), as Excel does.
    for (const m of this.merges) {
      const style = this.slot(m.top, m.left).style;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r > m.top || c > m.left) this.slot(r, c).style = style;
    }
    const lastRow = Math.max(this.rows.length - 1, 0, ...this.heights.keys());
    let lastCol = 1;
    for (const r of this.rows) if (r && r.length - 1 > lastCol) lastCol = r.length - 1;
    const setup = this.pageSetup;
    out.push(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    );
    if (setup && (setup.fitToWidth !== undefined || setup.fitToHeight !== undefined))
      out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    out.push(`<dimension ref="A1:${columnLetter(lastCol)}${Math.max(1, lastRow)}"/>`);
    const frozen = this.options.frozenRows;
    if (frozen)
      out.push(
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>`,
      );
    out.push('<sheetFormatPr defaultRowHeight="15"/>');
    if (this.widths.size > 0) {
      out.push('<cols>');
      for (const [c, w] of [...this.widths].sort((a, b) => a[0] - b[0]))
        out.push(`<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`);
      out.push('</cols>');
    }
    out.push('<sheetData>');
    for (let r = 1; r <= lastRow; r++) {
      const cells = this.rows[r];
      const height = this.heights.get(r);
      if (!cells && height === undefined) continue;
      out.push(`<row r="${r}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ''}>`);
      if (cells)
        for (let c = 1; c < cells.length; c++) {
          const slot = cells[c];
          if (slot) out.push(cellXml(`${columnLetter(c)}${r}`, slot, sharedString));
        }
      out.push('</row>');
    }
    out.push('</sheetData>');
    if (this.merges.length > 0)
      out.push(
        `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}"/>`).join('')}</mergeCells>`,
      );
    if (setup?.horizontalCentered) out.push('<printOptions horizontalCentered="1"/>');
    const m = setup?.margins ?? DEFAULT_MARGINS;
    out.push(
      `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    );
    if (setup)
      out.push(
        `<pageSetup${setup.paperSize !== undefined ? ` paperSize="${setup.paperSize}"` : ''} orientation="${setup.orientation}"${setup.scale !== undefined ? ` scale="${setup.scale}"` : ''}${setup.fitToWidth !== undefined ? ` fitToWidth="${setup.fitToWidth}"` : ''}${setup.fitToHeight !== undefined ? ` fitToHeight="${setup.fitToHeight}"` : ''}/>`,
      );
    if (this.options.footer)
      out.push(`<headerFooter><oddFooter>${escapeXml(this.options.footer)}</oddFooter></headerFooter>`);
    if (drawing) out.push(`<drawing r:id="${drawing}"/>`);
    out.push('</worksheet>');
    return out.join('');
  }

  /** xl/drawings/drawingN.xml for the sheet's pictures, the i-th embedding rel id `rId{i+1}`. */
  drawingXml(): string {
    const anchors = this.images.map((img, i) => {
      const cx = Math.round(img.width * EMU_PER_PIXEL);
      const cy = Math.round(img.height * EMU_PER_PIXEL);
      return (
        `<xdr:oneCellAnchor editAs="oneCell"><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${img.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="图片 ${i + 1}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
      );
    });
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      anchors.join('') +
      '</xdr:wsDr>'
    );
  }

  private slot(row: number, col: number): CellSlot {
    const cells = (this.rows[row] ??= []);
    return (cells[col] ??= { style: 0 });
  }
}

function cellXml(ref: string, slot: CellSlot, sharedString: (text: string) => number): string {
  const s = slot.style ? ` s="${slot.style}"` : '';
  const v = slot.value;
  if (v === undefined) return `<c r="${ref}"${s}/>`;
  if (typeof v === 'string') return `<c r="${ref}"${s} t="s"><v>${sharedString(v)}</v></c>`;
  if (typeof v === 'number')
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : `<c r="${ref}"${s}/>`;
  const result = v.result !== undefined && Number.isFinite(v.result) ? `<v>${v.result}</v>` : '';
  return `<c r="${ref}"${s}><f>${escapeXml(v.formula)}</f>${result}</c>`;
}
