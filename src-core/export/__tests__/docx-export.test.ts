import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { exportDocx } from '../docx-export';

const sample = loadSample();

/** The text of a WordprocessingML part, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) =>
    [...(m[1] as string).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const bytes = await exportDocx(formSet, sample);
const zip = await JSZip.loadAsync(bytes);
const documentXml = await zip.file('word/document.xml')?.async('string');
const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
const settingsXml = (await zip.file('word/settings.xml')?.async('string')) ?? '';
const lines = paragraphs(documentXml ?? '').map(unescapeXml);

describe('exportDocx: the publication’s text as Word', () => {
  it('is a .docx package (a zip with word/document.xml)', () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0] as number, bytes[1] as number)).toBe('PK');
    expect(documentXml).toBeDefined();
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
  });

  it('has the cover, the 目录 and the six parts in order', () => {
    const order = [
      '武汉市汉阳区融媒体中心',
      '2023年度部门决算公开',
      '2024年10月21日',
      '目\u3000\u3000录',
      '第一部分 武汉市汉阳区融媒体中心概况',
      '一、部门主要职责',
      '第二部分 武汉市汉阳区融媒体中心2023年度部门决算表',
      '九、财政拨款“三公”经费支出决算表',
      '第三部分 武汉市汉阳区融媒体中心2023年度部门决算情况说明',
      '十三、预算绩效情况说明',
      '第四部分 2023年度重点工作完成情况',
      '第五部分 名词解释',
      '第六部分 附件',
      // The body, after the 目录.
      '第一部分 武汉市汉阳区融媒体中心概况',
      '一、部门主要职责',
      '（一）深入贯彻落实中央、省、市关于推进媒体深度融合发展的决策部署和相关要求，推进区级融媒体中心建设，推动融媒事业发展。',
      '第二部分 武汉市汉阳区融媒体中心2023年度部门决算表',
      '（见部门决算表，另附 Excel/PDF）',
      '第三部分 武汉市汉阳区融媒体中心2023年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '第四部分 2023年度重点工作完成情况',
      '第五部分 名词解释',
      '第六部分 附件',
      '二、2023年度武汉市汉阳区融媒体中心项目绩效自评表',
    ];
    let from = 0;
    for (const want of order) {
      const at = lines.indexOf(want, from);
      expect(at, `“${want}” after paragraph ${from}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    const text = lines.join('\n');
    expect(text).toContain(
      '2023年度收、支总计1455.41万元。与2022年度相比，收、支总计各增加45.59万元，增长3.23%',
    );
    // Run-in headings keep their text whole: the 楷体 head and the definition are one paragraph.
    expect(lines).toContain('(一) 一般公共预算财政拨款收入：指市级财政一般公共预算当年拨付的资金。');
  });

  it('sets the page as GB/T 9704: A4, margins 37/26/35/28 mm', () => {
    const pgSz = /<w:pgSz ([^>]*)\/>/.exec(documentXml ?? '')?.[1] ?? '';
    expect(pgSz).toMatch(/w:w="1190[56]"/);
    expect(pgSz).toMatch(/w:h="1683[78]"/);
    const pgMar = /<w:pgMar ([^>]*)\/>/.exec(documentXml ?? '')?.[1] ?? '';
    const mm = (attr: string) => Number(new RegExp(`w:${attr}="(\\d+)"`).exec(pgMar)?.[1]) / (1440 / 25.4);
    expect(Math.round(mm('top'))).toBe(37);
    expect(Math.round(mm('bottom'))).toBe(35);
    expect(Math.round(mm('left'))).toBe(28);
    expect(Math.round(mm('right'))).toBe(26);
  });

  it('uses 仿宋_GB2312 3号 for the body, 黑体 for headings, 楷体_GB2312 for （一） headings, indents two characters', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? '';
    expect(defaults).toContain('w:eastAsia="仿宋_GB2312"');
    expect(defaults).toContain('<w:sz w:val="32"/>');
    expect(defaults).toMatch(/<w:spacing [^>]*w:line="576" w:lineRule="exact"/);
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading1')).toContain('<w:jc w:val="center"/>');
    expect(style('Heading2')).toContain('w:eastAsia="黑体"');
    expect(style('Heading3')).toContain('w:eastAsia="楷体_GB2312"');
    expect(documentXml).toContain('<w:ind w:firstLine="640"/>');
    // A run-in （一） head in 楷体.
    expect(documentXml).toMatch(
      /w:eastAsia="楷体_GB2312"[^]*?<w:t xml:space="preserve">\(一\) 一般公共预算财政拨款收入：<\/w:t>/,
    );
  });

  it('numbers pages — N — in 4号 宋体: right on odd pages, left on even ones, none on the cover', async () => {
    expect(settingsXml).toContain('<w:evenAndOddHeaders/>');
    expect(documentXml).toContain('<w:titlePg/>');
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const footer = async (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"/>`).exec(
        documentXml ?? '',
      )?.[1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return (await zip.file(`word/${target}`)?.async('string')) ?? '';
    };
    const odd = await footer('default');
    const even = await footer('even');
    const first = await footer('first');
    for (const f of [odd, even]) {
      // “— ” PAGE “ —”: the number is a field.
      expect(paragraphs(f).join('')).toBe('—  —');
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(paragraphs(first).join('')).toBe('');
    expect(first).not.toContain('PAGE');
  });
});
