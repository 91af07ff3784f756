import { zipSync } from 'fflate';
import { XlsxSheet, type XlsxSheetOptions } from './xlsx-sheet-writer';
import { XlsxStyles } from './xlsx-styles';
import { escapeXml } from './xlsx-xml';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Every entry of the zip carries this time, so the same document always gives the same bytes. */
const ZIP_TIME = new Date(1980, 0, 1);

/**
 * A workbook written straight to SpreadsheetML, in time linear in its cells: sheets of cells with shared strings
 * and styles, merges, print setup and print titles, hidden sheets, PNG pictures; zipped with fflate. It writes what
 * the forms need and nothing else — no theme, no calc chain (Excel, WPS and LibreOffice compute the formulas).
 */
export class XlsxWriter {
  readonly styles = new XlsxStyles();
  private readonly sheets: XlsxSheet[] = [];

  constructor(private readonly props: { readonly creator: string; readonly title: string }) {}

  addSheet(name: string, options: XlsxSheetOptions = {}): XlsxSheet {
    const sheet = new XlsxSheet(name, this.styles, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The .xlsx bytes. */
  toBytes(): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    const encoder = new TextEncoder();
    const put = (path: string, text: string) => (files[path] = encoder.encode(text));
    const strings = new Map<string, number>();
    let stringCount = 0;
    const sharedString = (text: string) => {
      stringCount++;
      let i = strings.get(text);
      if (i === undefined) {
        i = strings.size;
        strings.set(text, i);
      }
      return i;
    };
    const overrides: string[] = [];
    let images = 0;
    let drawings = 0;
    this.sheets.forEach((sheet, i) => {
      const n = i + 1;
      let drawing: string | undefined;
      if (sheet.images.length > 0) {
        drawings++;
        drawing = 'rId1';
        put(
          `xl/worksheets/_rels/sheet${n}.xml.rels`,
          rels([[drawing, `${NS_REL}/drawing`, `../drawings/drawing${drawings}.xml`]]),
        );
        put(`xl/drawings/drawing${drawings}.xml`, sheet.drawingXml());
        const imageRels: [string, string, string][] = sheet.images.map((img, k) => {
          images++;
          files[`xl/media/image${images}.png`] = img.png;
          return [`rId${k + 1}`, `${NS_REL}/image`, `../media/image${images}.png`];
        });
        put(`xl/drawings/_rels/drawing${drawings}.xml.rels`, rels(imageRels));
        overrides.push(override(`/xl/drawings/drawing${drawings}.xml`, `${CT}.drawing+xml`));
      }
      put(`xl/worksheets/sheet${n}.xml`, sheet.xml(sharedString, drawing));
      overrides.push(override(`/xl/worksheets/sheet${n}.xml`, `${CT}.spreadsheetml.worksheet+xml`));
    });
    put(
      'xl/sharedStrings.xml',
      `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${stringCount}" uniqueCount="${strings.size}">${[
        ...strings.keys(),
      ]
        .map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    );
    put('xl/styles.xml', this.styles.xml());
    put('xl/workbook.xml', this.workbookXml());
    const sheetRels: [string, string, string][] = this.sheets.map((_, i) => [
      `rId${i + 1}`,
      `${NS_REL}/worksheet`,
      `worksheets/sheet${i + 1}.xml`,
    ]);
    const k = this.sheets.length;
    put(
      'xl/_rels/workbook.xml.rels',
      rels([
        ...sheetRels,
        [`rId${k + 1}`, `${NS_REL}/styles`, 'styles.xml'],
        [`rId${k + 2}`, `${NS_REL}/sharedStrings`, 'sharedStrings.xml'],
      ]),
    );
    put(
      '_rels/.rels',
      rels([
        ['rId1', `${NS_REL}/officeDocument`, 'xl/workbook.xml'],
        [
          'rId2',
          'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
          'docProps/core.xml',
        ],
        ['rId3', `${NS_REL}/extended-properties`, 'docProps/app.xml'],
      ]),
    );
    put(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(this.props.creator)}</dc:creator><dc:title>${escapeXml(this.props.title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">1970-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`,
    );
    put(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(this.props.creator)}</Application></Properties>`,
    );
    put(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${images > 0 ? '<Default Extension="png" ContentType="image/png"/>' : ''}` +
        override('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`) +
        overrides.join('') +
        override('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`) +
        override('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`) +
        override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
        override('/docProps/app.xml', `${CT}.extended-properties+xml`) +
        '</Types>',
    );
    // [Content_Types].xml first, as Office writes it (some readers look for it there).
    const ordered: Record<string, [Uint8Array, { mtime: Date }]> = {};
    for (const path of [
      '[Content_Types].xml',
      ...Object.keys(files).filter((p) => p !== '[Content_Types].xml'),
    ])
      ordered[path] = [files[path] as Uint8Array, { mtime: ZIP_TIME }];
    return zipSync(ordered, { level: 1 });
  }

  private workbookXml(): string {
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const titles = this.sheets.flatMap((s, i) => {
      const rows = s.pageSetupOf()?.printTitleRows;
      return rows
        ? [
            `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoted(s.name)}!$${rows[0]}:$${rows[1]}`)}</definedName>`,
          ]
        : [];
    });
    return (
      `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      this.sheets
        .map(
          (s, i) =>
            `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.options.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
        )
        .join('') +
      `</sheets>${titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`
    );
  }
}

function rels(list: readonly (readonly [string, string, string])[]): string {
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`)
    .join('')}</Relationships>`;
}

function override(part: string, type: string): string {
  return `<Override PartName="${escapeXml(part)}" ContentType="${type}"/>`;
}
