import { escapeXml } from './xlsx-xml';

/** A cell's look, in the terms of the OOXML style sheet (what the forms use: font, thin border, alignment, format). */
export interface XlsxStyle {
  readonly font?: { readonly name: string; readonly size: number; readonly bold?: boolean };
  /** A thin black line on all four sides. */
  readonly border?: boolean;
  readonly alignment?: {
    readonly horizontal?: 'left' | 'center' | 'right';
    readonly vertical?: 'top' | 'center' | 'bottom';
    readonly wrapText?: boolean;
    readonly indent?: number;
  };
  /** A number format code: `@` (text), `#,##0.00;-#,##0.00;` … */
  readonly numFmt?: string;
}

/** Excel's built-in number formats that a style may name by id instead of writing them out. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = { General: 0, '0': 1, '0.00': 2, '@': 49 };
const FIRST_CUSTOM_FORMAT = 164;
/** The workbook's default font (style 0): what a cell without a style of its own shows, as Excel writes it. */
const DEFAULT_FONT =
  '<font><sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>';
const THIN_BORDER =
  '<border><left style="thin"><color rgb="FF000000"/></left><right style="thin"><color rgb="FF000000"/></right>' +
  '<top style="thin"><color rgb="FF000000"/></top><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border>';

/**
 * The workbook's cell styles, each distinct look written once: `id(style)` gives the index a cell's `s` attribute
 * names (0 is the default look), `xml()` the styles part.
 */
export class XlsxStyles {
  private readonly fonts = new Map<string, number>([[DEFAULT_FONT, 0]]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([
    ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0],
  ]);
  private readonly byStyle = new Map<string, number>();
  /** The same style object asked for again (a writer reuses its constants): no key to build. */
  private readonly byObject = new WeakMap<XlsxStyle, number>();

  /** The index of a look, added the first time it is asked for. */
  id(style: XlsxStyle): number {
    const seen = this.byObject.get(style);
    if (seen !== undefined) return seen;
    const id = this.idOf(style);
    this.byObject.set(style, id);
    return id;
  }

  private idOf(style: XlsxStyle): number {
    const key = JSON.stringify(style);
    const known = this.byStyle.get(key);
    if (known !== undefined) return known;
    const font = style.font ? this.fontId(style.font) : 0;
    const format = style.numFmt === undefined ? 0 : this.formatId(style.numFmt);
    const border = style.border ? 1 : 0;
    const a = style.alignment;
    const alignment = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}${a.indent ? ` indent="${a.indent}"` : ''}/>`
      : '';
    const applied = `${format ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${border ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const xf = `<xf numFmtId="${format}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : '/>'}`;
    let id = this.xfs.get(xf);
    if (id === undefined) {
      id = this.xfs.size;
      this.xfs.set(xf, id);
    }
    this.byStyle.set(key, id);
    return id;
  }

  /** xl/styles.xml. */
  xml(): string {
    const formats = [...this.formats].filter(([code]) => BUILTIN_FORMATS[code] === undefined);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length > 0
        ? `<numFmts count="${formats.length}">${formats.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>`
        : '') +
      `<fonts count="${this.fonts.size}">${[...this.fonts.keys()].join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${THIN_BORDER}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${[...this.xfs.keys()].join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }

  private fontId(f: NonNullable<XlsxStyle['font']>): number {
    const xml = `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${escapeXml(f.name)}"/></font>`;
    let id = this.fonts.get(xml);
    if (id === undefined) {
      id = this.fonts.size;
      this.fonts.set(xml, id);
    }
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) {
      this.formats.set(code, builtin);
      return builtin;
    }
    let id = this.formats.get(code);
    if (id === undefined) {
      id =
        FIRST_CUSTOM_FORMAT + [...this.formats.keys()].filter((c) => BUILTIN_FORMATS[c] === undefined).length;
      this.formats.set(code, id);
    }
    return id;
  }
}
