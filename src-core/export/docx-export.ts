import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IFontAttributesProperties,
  type IParagraphOptions,
} from 'docx';
import type { GongkaiDocument } from '../document/types';
import type { FormSet } from '../template';
import { chineseNumber, publishDateText } from './print-html';
import { paragraphRoles, publicationOutline, type OutlinePart } from './publication-html';

/** Word font names (Word takes one name, no fallback list: these are what government machines have). */
const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const SONGTI = '宋体';

/** Sizes in half-points: 3号 16pt, 2号 22pt, 4号 14pt, 一号 26pt. */
const SIZE_BODY = 32;
const SIZE_TITLE = 44;
const SIZE_PAGE_NUMBER = 28;
const SIZE_COVER = 52;

/** 28.8pt exactly: 22 lines to the 225 mm 版心 (GB/T 9704), in twentieths of a point. */
const LINE = 576;
/** Two characters of 3号 (16pt), in twips. */
const INDENT_2 = 640;
/** One character of 4号 (14pt), in twips: 单页码居右空一字，双页码居左空一字. */
const ONE_CHAR_PAGE_NUMBER = 280;
/** −0.25pt between characters (twips): 28 characters of 3号 to the 156 mm line, as GB/T 9704 counts them. */
const BODY_CHAR_SPACING = -5;

const font = (name: string): IFontAttributesProperties => ({
  ascii: name,
  hAnsi: name,
  eastAsia: name,
  cs: name,
});

/**
 * The publication's text as a Word document (.docx) for the 财政局 that ask for Word: the cover (单位名称,
 * 年度部门决算公开, 公开日期), the 目录, and the six parts in the template's order, laid out as GB/T 9704-2012 sets
 * official documents: A4, margins 37/26/35/28 mm, body 3号 仿宋_GB2312 with exact 28.8pt lines and a two-character
 * first-line indent, part titles (Heading 1) and 一、 headings (Heading 2) in 黑体, （一） headings in 楷体_GB2312,
 * page numbers “— N —” in 4号 宋体, right on odd pages and left on even ones, none on the cover. 第二部分 says the
 * tables come separately (Excel/PDF) and lists them; the figures and the 绩效自评表 are not in the Word file.
 *
 * Headless: docx builds the package in memory (Packer.toArrayBuffer works in Node and in the browser).
 */
export async function exportDocx(formSet: FormSet, doc: GongkaiDocument): Promise<Uint8Array> {
  const outline = publicationOutline(formSet, doc);
  const children: (Paragraph | Table)[] = [...coverParagraphs(doc), ...tocParagraphs(formSet, outline)];
  for (const part of outline) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new TextRun(part.title)],
      }),
    );
    if (part.tables) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun('（见部门决算表，另附 Excel/PDF）')],
        }),
        ...formSet.tables.map(
          (t, i) =>
            new Paragraph({
              indent: { firstLine: INDENT_2 },
              children: [new TextRun(`${chineseNumber(i + 1)}、${t.title}`)],
            }),
        ),
      );
      continue;
    }
    for (const section of part.sections) {
      if (section.heading !== '') {
        children.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }),
        );
      }
      children.push(...bodyParagraphs(section.paragraphs));
      if (section.unitTable) children.push(unitTable(section.unitTable));
    }
  }

  const document = new Document({
    creator: 'Gongkai 决算公开表编辑器',
    title: `${doc.unit.name}${doc.unit.year}年度部门决算公开`,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FANGSONG), size: SIZE_BODY, characterSpacing: BODY_CHAR_SPACING },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
        heading1: {
          run: { font: font(HEITI), size: SIZE_TITLE, bold: false, color: '000000', characterSpacing: 0 },
          paragraph: {
            alignment: AlignmentType.CENTER,
            keepNext: true,
            // The part title takes two body lines (22pt does not fit an exact 28.8pt line), then one blank line.
            spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
          },
        },
        heading2: {
          run: { font: font(HEITI), size: SIZE_BODY, bold: false, color: '000000' },
          paragraph: { indent: { firstLine: INDENT_2 }, keepNext: true },
        },
        heading3: {
          run: { font: font(KAITI), size: SIZE_BODY, bold: false, italics: false, color: '000000' },
          paragraph: { indent: { firstLine: INDENT_2 }, keepNext: true },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              header: convertMillimetersToTwip(15),
              // The number's line about 7 mm under the 版心.
              footer: convertMillimetersToTwip(24),
            },
          },
          // The cover is the section's first page: its own, empty footer.
          titlePage: true,
        },
        footers: {
          default: pageNumberFooter('right'),
          even: pageNumberFooter('left'),
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function pageNumberFooter(side: 'left' | 'right'): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: font(SONGTI), size: SIZE_PAGE_NUMBER, characterSpacing: 0 });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: ONE_CHAR_PAGE_NUMBER } : { left: ONE_CHAR_PAGE_NUMBER },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

function coverParagraphs(doc: GongkaiDocument): Paragraph[] {
  const big = (text: string, before: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, line: 780, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, font: font(HEITI), size: SIZE_COVER, characterSpacing: 0 })],
    });
  const out = [
    big(doc.unit.name, convertMillimetersToTwip(45)),
    big(`${doc.unit.year}年度部门决算公开`, convertMillimetersToTwip(14)),
  ];
  const date = publishDateText(doc.unit.publishDate);
  if (date) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: convertMillimetersToTwip(95) },
        children: [new TextRun({ text: date, characterSpacing: 0 })],
      }),
    );
  }
  return out;
}

function tocParagraphs(formSet: FormSet, outline: readonly OutlinePart[]): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE * 2, lineRule: LineRuleType.EXACT, after: LINE },
      children: [
        new TextRun({ text: '目\u3000\u3000录', font: font(HEITI), size: SIZE_TITLE, characterSpacing: 0 }),
      ],
    }),
  ];
  for (const part of outline) {
    out.push(new Paragraph({ children: [new TextRun({ text: part.title, font: font(HEITI) })] }));
    const entries = part.tables
      ? formSet.tables.map((t, i) => `${chineseNumber(i + 1)}、${t.title}`)
      : part.sections.map((s) => s.heading).filter((h) => h !== '');
    for (const entry of entries)
      out.push(new Paragraph({ indent: { left: INDENT_2 }, children: [new TextRun(entry)] }));
  }
  return out;
}

/** 部门决算单位构成: 序号, 单位名称, 备注, as the HTML prints it. */
function unitTable(table: NonNullable<OutlinePart['sections'][number]['unitTable']>): Table {
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
  const rows =
    table.units.length === 0
      ? [['', '（尚未填写单位）', '']]
      : table.units.map((u, i) => [String(i + 1), u.name, u.note]);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [table.columns, ...rows].map((r) => new TableRow({ children: r.map(cell) })),
  });
}

/** The paragraphs of a section with the same roles as the HTML: 一、 黑体, （一） 楷体 (run in or whole), the rest body. */
function bodyParagraphs(paragraphs: readonly string[]): Paragraph[] {
  return paragraphRoles(paragraphs).map((role) => {
    const body: IParagraphOptions = { indent: { firstLine: INDENT_2 }, alignment: AlignmentType.JUSTIFIED };
    if (role.kind === 'heading1' || role.kind === 'heading2') {
      const headFont = font(role.kind === 'heading1' ? HEITI : KAITI);
      if (role.rest === '') {
        return new Paragraph({
          heading: role.kind === 'heading1' ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: [new TextRun(role.head)],
        });
      }
      return new Paragraph({
        ...body,
        children: [new TextRun({ text: role.head, font: headFont }), new TextRun(role.rest)],
      });
    }
    return new Paragraph({ ...body, children: [new TextRun(role.rest)] });
  });
}
