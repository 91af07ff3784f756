// The embedded sample's 绩效自评表 must be the reference publication's, row for row and cell for cell: this reads
// the reference text independently and compares, so a transcription slip fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { Decimal } from '../../money';
import { checkPerformance } from '../performance-check';
import { performanceHtml } from '../../export/performance-print';

const REFERENCE = path.resolve(
  __dirname,
  '../../../test/fixtures/hanyang-media-center-2023-final-accounts.txt',
);
const lines = fs.readFileSync(REFERENCE, 'utf8').split('\n');
const doc = loadSample();
const perf = doc.performance ?? {};

const cells = (line: string) => line.split('\t').map((c) => c.trim());
const filled = (line: string) => cells(line).filter((c) => c !== '');
const at = (from: number, test: (l: string) => boolean) => {
  const i = lines.findIndex((l, n) => n >= from && test(l));
  if (i < 0) throw new Error('reference: not found');
  return i;
};
const amount = (text: string) => new Decimal(text.replace(/,|万元/g, '')).toFixed(2);

/**
 * The reference's indicator rows between two lines, each as its non-empty cells. The label 年度绩效目标 repeated at
 * a page top is dropped; a row of fewer than three texts (every row has at least a name and its two values) is the
 * rest of the row above, wrapped over a page break.
 */
function referenceRows(from: number, to: number): string[][] {
  const rows: string[][] = [];
  for (const line of lines.slice(from, to)) {
    if (line.trim() === '' || /^— \d+ —$/.test(line.trim())) continue;
    const c = cells(line);
    if (c[0] === '年度绩效目标') c[0] = '';
    const texts = c.filter((x) => x !== '');
    const last = rows[rows.length - 1];
    if (last && texts.length < 3) {
      // Join each fragment to the cell it continues: 核心业务产出 + 9, 发布内容均与汉 + 阳或相关政策有关.
      texts.forEach((t, i) => (last[i] = `${last[i] ?? ''}${t}`));
      continue;
    }
    rows.push(texts);
  }
  return rows;
}

const sampleRows = (items: readonly Indicator[]) =>
  items.map((i) => [i.level1, i.level2, i.level3, i.kind ?? '', i.target, i.actual].filter((x) => x !== ''));

describe('the sample’s 绩效自评表 are the reference’s', () => {
  it('checks clean: every 执行率 rounds right, the totals match 公开05表, no 指标 lacks a value', () => {
    expect(checkPerformance(formSet, new Workbook(formSet, doc), doc)).toEqual([]);
  });

  it('汇总表: the ten projects and their amounts (合计 1107.12)', () => {
    const title = at(0, (l) => l.trim() === perf.summary?.title);
    const head = at(title, (l) => l.startsWith('序号\t项目名称'));
    const total = at(head, (l) => l.startsWith('合计'));
    const ref = lines
      .slice(head + 1, total)
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [, name, unit, a] = cells(l);
        return `${name}|${unit}|${amount(a as string)}`;
      });
    expect(perf.summary?.rows.map((r) => `${r.name}|${r.unit}|${amount(r.amount)}`)).toEqual(ref);
    expect(amount(filled(lines[total] as string)[1] as string)).toBe('1107.12');
    expect(lines[title + 2]).toBe(`填报日期：${perf.summary?.fillDate}`);
    expect(lines[title + 4]).toBe(`绩效自评覆盖率：${perf.summary?.coverage}`);
  });

  it('部门整体绩效自评表: totals, 年度目标, all 55 指标 rows, 偏差原因 and 改进措施', () => {
    const o = perf.overall;
    if (!o) throw new Error('no overall');
    const title = at(0, (l) => l.trim() === o.title);
    expect(lines[title + 2]).toBe(`填报日期：${o.fillDate}`);
    const totals = filled(lines[at(title, (l) => l.startsWith('基本支出总额'))] as string);
    expect(totals).toEqual(['基本支出总额', `${o.basicTotal}万元`, '项目支出总额', `${o.projectTotal}万元`]);
    expect(filled(lines[at(title, (l) => l.startsWith('年度目标'))] as string)[1]).toBe(o.goals);
    const head = at(title, (l) => l.startsWith('年度绩效指标\t二级指标'));
    const dev = at(head, (l) => l.startsWith('偏差大或目标未完成原因分析'));
    expect(o.indicators).toHaveLength(55);
    expect(sampleRows(o.indicators)).toEqual(referenceRows(head + 1, dev));
    expect(filled(lines[dev] as string)[1]).toBe(o.deviation);
    expect(filled(lines[dev + 1] as string)).toEqual(['改进措施及结果应用方案', o.improvement]);
  });

  it('the six 项目绩效自评表: header, 预算执行情况, every 指标 row, 偏差原因 and 改进措施', () => {
    const projects = perf.projects ?? [];
    expect(projects.map((p) => p.name)).toEqual([
      '乡村振兴专项经费、驻村工作经费',
      '新闻宣传、政务新媒体',
      '后勤保障经费、其他日常保障经费',
      '行政事业单位缴纳残保金',
      '文明创建、党建、综治、档案、老干及工会经费、扶贫等其他支出',
      '政府购买服务岗位、买岗人员单位缴纳社保经费',
    ]);
    for (const p of projects) {
      const title = at(0, (l) => l.startsWith(`2023年度${p.name}项目`) && l.includes('绩效自评表'));
      const end = at(title, (l) => l.startsWith('备注'));
      const block = lines.slice(title, end);
      const find = (prefix: string) => filled(block.find((l) => l.trim().startsWith(prefix)) ?? '');
      expect(find('单位名称')[1], p.name).toBe(`填报日期：${p.fillDate}`);
      expect(find('项目名称')[1]).toBe(p.name);
      expect(find('主管部门')).toEqual(['主管部门', p.department, '项目实施单位', p.implementer]);
      for (const [label, ticked] of [
        ['项目类别', p.category],
        ['项目属性', p.attribute],
        ['项目类型', p.projectType],
      ] as const) {
        const line = block.find((l) => l.startsWith(label)) ?? '';
        expect(line, `${p.name} ${label}`).toMatch(new RegExp(`\\d、${ticked} <input checked=""`));
        expect(line.match(/checked=""/g)).toHaveLength(1);
      }
      const [, a, b, rate] = find('年度财政资金总额');
      expect([amount(a as string), amount(b as string), rate]).toEqual([
        amount(p.budget),
        amount(p.actual),
        p.rate,
      ]);
      const head = title + block.findIndex((l) => l.startsWith('年度绩效目标\t一级指标'));
      const dev = title + block.findIndex((l) => l.includes('偏差大或目标未完成原因分析'));
      expect(sampleRows(p.indicators), p.name).toEqual(referenceRows(head + 1, dev));
      expect(find('偏差大或目标未完成原因分析')[1]).toBe(p.deviation);
      expect(find('改进措施及结果应用方案')[1]).toBe(p.improvement);
    }
  });

  it('prints every form of the sample', () => {
    const html = performanceHtml(formSet, doc);
    expect(html.match(/<section class="pf-form/g)).toHaveLength(8);
    expect(html).toContain('2023年度汉阳区融媒体中心部门整体绩效自评表');
    expect(html).toContain('1,023.66');
    expect(html).toContain('营造良好乡村环境环境');
  });
});

describe('the project forms together', () => {
  it('the reference’s project forms add up to 公开05表 项目支出, but their budgets not to the 1281.92 its text states', async () => {
    const { checkPerformanceSet } = await import('../performance-check');
    const { builtinFormSet } = await import('../../builtin-forms');
    const { Workbook } = await import('../../engine');
    const { loadSample } = await import('../../engine/__tests__/helpers');
    const formSet = builtinFormSet();
    const doc = loadSample();
    const found = checkPerformanceSet(formSet, new Workbook(formSet, doc), doc);
    expect(found.map((f) => `${f.severity} ${f.written} → ${f.expected}`)).toEqual([
      'warning 1212.31 → 1281.92',
    ]);
  });
});
