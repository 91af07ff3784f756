import { describe, expect, it } from 'vitest';
import type { GongkaiDocument } from '../../document/types';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { buildPrintHtml } from '../print-html';
import {
  buildPublicationHtml,
  paragraphRoles,
  publicationOutline,
  type PublicationHtmlOptions,
} from '../publication-html';

const sample = loadSample();
const html = buildPublicationHtml(formSet, sample);

const stripTags = (s: string) => s.replace(/<wbr>/g, '').replace(/<[^>]*>/g, '');
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** The text of the body, as a reader sees it. */
const text = unescape(stripTags(html.slice(html.indexOf('<body>'))));

/** The position of each string in `source`, each searched after the previous one; -1 where the order breaks. */
function positionsInOrder(source: string, items: readonly string[]): number[] {
  let from = 0;
  return items.map((item) => {
    const at = source.indexOf(item, from);
    if (at >= 0) from = at + item.length;
    return at;
  });
}

const PART_TITLES = [
  '第一部分 武汉市汉阳区融媒体中心概况',
  '第二部分 武汉市汉阳区融媒体中心2023年度部门决算表',
  '第三部分 武汉市汉阳区融媒体中心2023年度部门决算情况说明',
  '第四部分 2023年度重点工作完成情况',
  '第五部分 名词解释',
  '第六部分 附件',
];

const SVG =
  '<svg width="560" height="300" viewBox="0 0 560 300"><text x="10" y="20">收入 &amp; 支出</text></svg>';

describe('buildPublicationHtml: the whole publication of the sample', () => {
  it('is one self-contained HTML document: no script, no link, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>武汉市汉阳区融媒体中心2023年度部门决算公开</title>');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|@import|url\(/i);
  });

  it('opens with the cover: 单位名称, 年度部门决算公开, 公开日期', () => {
    const cover = html.slice(html.indexOf('<section class="cover"'), html.indexOf('</section>'));
    expect(cover).toContain('<div class="cover-unit">武汉市汉阳区融媒体中心</div>');
    expect(cover).toContain('<div class="cover-title">2023年度部门决算公开</div>');
    expect(cover).toContain('<div class="cover-date">2024年10月21日</div>');
    expect(html.indexOf('<section class="cover"')).toBeLessThan(html.indexOf('<section class="toc">'));
  });

  it('has the 目录 of the reference: part titles, and under them the section headings or the nine tables', () => {
    const start = html.indexOf('<section class="toc">');
    const toc = unescape(stripTags(html.slice(start, html.indexOf('</section>', start))));
    const expected = [
      '目\u3000录',
      PART_TITLES[0],
      '一、部门主要职责',
      '二、机构设置情况',
      PART_TITLES[1],
      ...formSet.tables.map((t, i) => `${'一二三四五六七八九'[i]}、${t.title}`),
      PART_TITLES[2],
      '一、收入支出决算总体情况说明',
      '五、一般公共预算财政拨款支出决算情况说明',
      '九、财政拨款“三公”经费支出决算情况说明',
      '十三、预算绩效情况说明',
      PART_TITLES[3],
      PART_TITLES[4],
      PART_TITLES[5],
    ] as string[];
    expect(positionsInOrder(toc, expected)).not.toContain(-1);
    // Exactly the lines of the reference's 目录: 6 parts + 2 + 9 + 13 entries.
    expect(toc.split('\n').filter((l) => l.trim() !== '' && l !== '目\u3000录')).toHaveLength(30);
  });

  it('prints the six part titles in order after the 目录, as level-1 headings', () => {
    const afterToc = text.slice(text.indexOf(PART_TITLES[5] as string) + 1);
    expect(positionsInOrder(afterToc, PART_TITLES)).not.toContain(-1);
    expect(html.match(/<h1 class="part-title">/g)).toHaveLength(6);
    // Titles break after 第X部分, the unit's name or 年度 only.
    expect(html).toContain(
      '<h1 class="part-title">第三部分 武汉市汉阳区融媒体中心<wbr>2023年度<wbr>部门决算情况说明</h1>',
    );
  });

  it('prints every section heading of the sample in its part, in order', () => {
    const outline = publicationOutline(formSet, sample);
    const headings = outline.flatMap((p) => p.sections.map((s) => s.heading).filter((h) => h !== ''));
    expect(headings).toHaveLength(15);
    const body = text.slice(text.indexOf(PART_TITLES[5] as string) + 1);
    expect(positionsInOrder(body, headings)).not.toContain(-1);
    for (const h of headings)
      expect(html).toMatch(
        new RegExp(`<h2 class="section-heading" id="gk-section-[\\w-]+">${h.replace(/"/g, '&quot;')}</h2>`),
      );
  });

  it('prints the 情况说明 paragraphs as written, in their sections', () => {
    for (const key of [
      'explanation.totals',
      'explanation.income',
      'explanation.basic',
      'explanation.procurement',
    ]) {
      for (const p of sample.sections?.[key]?.paragraphs ?? []) expect(text).toContain(p.trim());
    }
    expect(text).toContain(
      '2023年度收、支总计1455.41万元。与2022年度相比，收、支总计各增加45.59万元，增长3.23%',
    );
    const part3 = html.slice(html.indexOf('data-part="explanation"'), html.indexOf('data-part="keyWork"'));
    expect(part3).toContain('<div class="pub-section" data-section="explanation.totals">');
    expect(part3).toContain('2023年度一般公共预算财政拨款基本支出348.29万元');
  });

  it('puts the nine tables as the official table pages between 第二部分 and 第三部分', () => {
    const from = html.indexOf('data-part="tables"');
    const to = html.indexOf('data-part="explanation"');
    const part2 = html.slice(from, to);
    const order = [
      ...part2.matchAll(
        /<section class="sheet (portrait|landscape)" id="gk-table-\d\d" data-table="(\d\d)"[^>]*>/g,
      ),
    ];
    expect(order.map((m) => m[2])).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09']);
    for (const m of order) expect(m[1]).toBe(formSet.tableById.get(m[2] as string)?.orientation);
    for (const t of formSet.tables) {
      expect(part2).toContain(`<h2>2023年度${t.title.replace(/"/g, '&quot;')}</h2>`);
    }
    // The same table pages buildPrintHtml prints, their titles one level down (under 第二部分).
    const printed = buildPrintHtml(formSet, sample);
    const sheet01 = (s: string) => s.slice(s.indexOf('data-table="01"'), s.indexOf('data-table="02"'));
    expect(sheet01(part2)).toBe(sheet01(printed).replace(/<(\/?)h1>/g, '<$1h2>'));
    expect(html.indexOf('data-table', to)).toBe(-1);
  });

  it('sets the text parts as GB/T 9704 pages: A4, 37/26/35/28 mm, 3号 仿宋, 黑体 and 楷体 headings', () => {
    expect(html).toContain('@page text { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain('@page table-portrait { size: A4 portrait; margin: 15mm 15mm 16mm; }');
    expect(html).toContain('@page table-landscape { size: A4 landscape; margin: 15mm 15mm 16mm; }');
    expect(html).toMatch(
      /body \{[^}]*font-family: '仿宋_GB2312', FangSong, STFangsong, 'Noto Serif CJK SC', serif; font-size: 16pt; line-height: 28\.8pt;/,
    );
    expect(html).toMatch(
      /\.part-title \{[^}]*font-family: 'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif;/,
    );
    expect(html).toMatch(
      /\.section-heading \{[^}]*font-family: 'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif;[^}]*text-indent: 2em;/,
    );
    expect(html).toContain(
      ".text-part p.h2, .text-part span.h2 { font-family: 'KaiTi', '楷体_GB2312', 'STKaiti', 'Noto Serif CJK SC', serif; }",
    );
    expect(html).toMatch(/\.text-part p \{[^}]*text-indent: 2em;/);
    expect(html).toContain('.toc, .text-part, .part-divider { page: text; }');
    expect(html).toContain('.sheet.landscape { page: table-landscape; }');
  });

  it('numbers pages — N — in 4号 宋体, right on odd pages, left on even ones, none on the cover', () => {
    const right = /@page :right \{\s*@bottom-right \{([^}]*)\}/.exec(html)?.[1] ?? '';
    const left = /@page :left \{\s*@bottom-left \{([^}]*)\}/.exec(html)?.[1] ?? '';
    for (const box of [right, left]) {
      expect(box).toContain('content: "\\2014\\3000" counter(page) "\\3000\\2014";');
      expect(box).toContain("font-family: 'SimSun', '宋体', 'Noto Serif CJK SC', serif;");
      expect(box).toContain('font-size: 14pt;');
    }
    expect(right).toContain('text-align: right;');
    expect(left).toContain('text-align: left;');
    expect(html).toMatch(
      /@page cover \{[^}]*@bottom-right \{ content: none; \} @bottom-left \{ content: none; \} \}/,
    );
    expect(html).toContain('.cover { page: cover;');
  });

  it('renders 一、 as 黑体 headings, （一） as 楷体 headings (whole or run in), numbered items as body text', () => {
    // 名词解释: “（一）term：” run in, in 楷体, the definition in 仿宋.
    expect(html).toContain(
      '<p class="run-in"><span class="h2">(一) 一般公共预算财政拨款收入：</span>指市级财政一般公共预算当年拨付的资金。</p>',
    );
    // 情况说明 (五): whole-paragraph sub-headings.
    expect(html).toContain('<p class="h2">（二）一般公共预算财政拨款支出决算结构情况</p>');
    expect(html).toContain('<p class="h2">（一）“三公”经费财政拨款支出决算总体情况说明。</p>');
    expect(html).toContain(
      '<p class="item">1. 一般公共服务支出1332.23万元，占91.54%。主要是用于宣传事务支出。</p>',
    );
    // 重点工作: 一、 in a paragraph is a 黑体 heading.
    expect(html).toContain('<p class="h1">一、重点工作事项标题</p>');
    // 部门主要职责: the duties are sentences, so all eight are items, the short （八） too.
    expect(html).toContain('<p class="item">（八）承担上级交办的其他工作。</p>');
    expect(html).not.toMatch(/class="(?:h2|run-in)">（[一二三四五六七八]）(?:深入|承担)/);
  });

  it('classifies paragraph roles by their markers', () => {
    expect(
      paragraphRoles(['（一）总体情况', '正文。', '1. 第一项。', '（1）小项，说明。', '(二) 术语：定义。']),
    ).toEqual([
      { kind: 'heading2', head: '（一）总体情况', rest: '' },
      { kind: 'body', head: '', rest: '正文。' },
      { kind: 'item', head: '', rest: '1. 第一项。' },
      { kind: 'item', head: '', rest: '（1）小项，说明。' },
      { kind: 'heading2', head: '(二) 术语：', rest: '定义。' },
    ]);
    expect(paragraphRoles(['一、标题', '二、这是一个句子，有逗号。']).map((r) => r.kind)).toEqual([
      'item',
      'item',
    ]);
  });

  it('uses the template defaults where the document has no text, and drops blank paragraphs and leading indents', () => {
    const bare: GongkaiDocument = {
      ...sample,
      sections: { 'overview.duties': { paragraphs: ['\u3000\u3000第一段。', '', '  '] } },
    };
    const outline = publicationOutline(formSet, bare);
    const duties = outline[0]?.sections[0];
    expect(duties?.paragraphs).toEqual(['第一段。']);
    const note = outline.find((p) => p.key === 'attachments')?.sections[0];
    expect(note?.paragraphs).toEqual([
      '一、2023年度武汉市汉阳区融媒体中心部门整体绩效自评表',
      '二、2023年度武汉市汉阳区融媒体中心项目绩效自评表',
    ]);
    const out = buildPublicationHtml(formSet, bare);
    expect(out).toContain('<p>第一段。</p>');
    expect(out).toContain('指本级财政一般公共预算当年拨付的资金。');
  });
});

describe('buildPublicationHtml: figures, 绩效自评表, escaping', () => {
  const options: PublicationHtmlOptions = {
    charts: {
      totals: { title: '图1：收、支决算总计变动情况', svg: SVG },
      income: { title: '收入决算结构', svg: SVG },
      expenditure: { title: '图3：支出决算结构', svg: null, missing: '缺少上年数：请在补充数据中填写。' },
    },
    performanceHtml: '<div class="perf-table"><table><tr><td>部门整体绩效自评表</td></tr></table></div>',
    performanceCss: '.perf-table table { border: 1px solid #000; }',
  };
  const out = buildPublicationHtml(formSet, sample, options);

  it('places each figure after its section’s text with its 图N caption', () => {
    const section = (key: string) => {
      const at = out.indexOf(`data-section="${key}"`);
      return out.slice(at, out.indexOf('</div>\n<div class="pub-section"', at));
    };
    const totals = section('explanation.totals');
    expect(totals.indexOf('2023年度收、支总计1455.41万元')).toBeLessThan(totals.indexOf('<figure'));
    expect(totals).toContain('<figure class="chart" data-chart="totals">');
    expect(totals).toContain('<figcaption>图1：收、支决算总计变动情况</figcaption>');
    // A title without 图N is numbered by its place among the figures.
    expect(section('explanation.income')).toContain('<figcaption>图2：收入决算结构</figcaption>');
    // No SVG: the note in a small grey line instead.
    expect(section('explanation.expenditure')).toContain(
      '<p class="chart-missing" data-chart="expenditure">图3：支出决算结构（缺少上年数：请在补充数据中填写。）</p>',
    );
    expect(out).toMatch(/\.text-part p\.chart-missing \{[^}]*color: #888;/);
    // Not given: no figure at all.
    expect(section('explanation.fiscal')).not.toMatch(/<figure|chart-missing/);
    expect(out.match(/<figure /g)).toHaveLength(2);
  });

  it('draws the SVG inside the page, so that its labels are the PDF’s text', () => {
    const figure = /<figure class="chart" data-chart="totals">([\s\S]*?)<\/figure>/.exec(out)?.[1] ?? '';
    expect(figure).toContain(
      '<svg role="img" aria-label="图1：收、支决算总计变动情况" width="560" height="300" viewBox="0 0 560 300"><text x="10" y="20">收入 &amp; 支出</text></svg>',
    );
    expect(figure).toContain('<figcaption>图1：收、支决算总计变动情况</figcaption>');
    expect(out).not.toContain('<img');
  });

  it('keeps an inlined chart from running or fetching anything, and its ids its own', () => {
    const hostile =
      '<?xml version="1.0"?><!-- c --><svg width="10" height="10"><script>alert(1)</script>' +
      '<defs><clipPath id="zr0-c0"><rect/></clipPath></defs>' +
      '<g clip-path="url(#zr0-c0)" onclick="alert(2)"><use href="#zr0-c0"/><image href="https://example.com/x.png"/>' +
      '<a xlink:href="javascript:alert(3)"><text>1455.41</text></a></g></svg>';
    const page = buildPublicationHtml(formSet, sample, {
      ...options,
      charts: { totals: { title: '收、支决算总计变动情况', svg: hostile } },
    });
    const figure = /<figure class="chart" data-chart="totals">([\s\S]*?)<\/figure>/.exec(page)?.[1] ?? '';
    expect(figure).not.toMatch(/<script|onclick|example\.com|javascript:|<\?xml|<!--/);
    expect(figure).toContain('<clipPath id="gk-totals-zr0-c0">');
    expect(figure).toContain('clip-path="url(#gk-totals-zr0-c0)"');
    expect(figure).toContain('<use href="#gk-totals-zr0-c0"/>');
    expect(figure).toContain('<text>1455.41</text>');
  });

  it('ends 第六部分 with the 绩效自评表 and their CSS as given', () => {
    const part6 = out.slice(out.indexOf('data-part="attachments"'));
    expect(part6.indexOf('一、2023年度汉阳区融媒体中心部门整体绩效自评表')).toBeLessThan(
      part6.indexOf('<div class="performance">'),
    );
    expect(part6).toContain(`<div class="performance">\n${options.performanceHtml}\n</div>`);
    expect(out.indexOf(`<style>${options.performanceCss}</style>`)).toBeGreaterThan(
      out.indexOf('@page text'),
    );
    expect(out.indexOf(`<style>${options.performanceCss}</style>`)).toBeLessThan(out.indexOf('</head>'));
  });

  it('escapes every text it prints', () => {
    const evil = '<b>&"\'</b>';
    const doc: GongkaiDocument = {
      ...sample,
      unit: { ...sample.unit, name: `单位${evil}`, publishDate: `2024年${evil}` },
      sections: {
        ...sample.sections,
        'overview.duties': { paragraphs: [`职责${evil}`, `（一）标题${evil}`] },
      },
    };
    const escaped = buildPublicationHtml(formSet, doc, {
      charts: { totals: { title: `标题${evil}`, svg: null, missing: `原因${evil}` } },
    });
    expect(escaped).not.toContain('<b>');
    const e = '&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;';
    expect(escaped).toContain(`<div class="cover-unit">单位${e}</div>`);
    expect(escaped).toContain(`<div class="cover-date">2024年${e}</div>`);
    expect(escaped).toContain(`<title>单位${e}2023年度部门决算公开</title>`);
    expect(escaped).toContain(
      `<li class="toc-part"><a class="toc-link" href="#gk-part-overview"><span class="toc-text">第一部分 单位${e}<wbr>概况</span>`,
    );
    expect(escaped).toContain(`<p>职责${e}</p>`);
    expect(escaped).toContain(`图1：标题${e}（原因${e}）`);
  });
});
