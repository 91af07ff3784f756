import { describe, expect, it } from 'vitest';
import { formSet } from '../../engine/__tests__/helpers';
import { performanceHtml, performancePrintCss } from '../performance-print';
import { consistentForms, project, sampleWith } from '../../evaluation/__tests__/fixtures';

describe('performanceHtml', () => {
  const forms = consistentForms();
  const html = performanceHtml(formSet, sampleWith(forms));

  it('prints the 汇总表, the 部门整体表 and each 项目表, in that order, with their titles', () => {
    const titles = [...html.matchAll(/<h2 class="pf-title">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      '2023年度武汉市汉阳区融媒体中心绩效自评情况汇总表',
      '2023年度武汉市汉阳区融媒体中心部门整体绩效自评表',
      '2023年度新闻宣传、政务新媒体项目绩效自评表',
      '2023年度行政事业单位缴纳残保金项目绩效自评表',
    ]);
    expect(html.match(/<section class="pf-form pf-project">/g)).toHaveLength(2);
  });

  it('prints the numbers as the forms do', () => {
    expect(html).toContain('<td class="pf-value pf-amount">1,023.66</td>');
    expect(html).toContain('<td class="pf-value pf-amount">954.62</td>');
    expect(html).toContain('<td class="pf-value pf-percent" colspan="2">93%</td>');
    expect(html).toContain('348.29万元');
    expect(html).toContain('<td class="pf-value pf-amount pf-total">1,107.12</td>'); // 合计 = Σ rows
    expect(html).toContain('<td class="pf-value pf-index">2</td>');
  });

  it('prints the header lines, ticked options and notes', () => {
    expect(html).toContain('<span class="pf-meta-label">填报日期：</span>2024年6月19日');
    expect(html).toContain('<span class="pf-meta-label">绩效自评覆盖率：</span>100%');
    expect(html).toContain('<span class="pf-meta-label">单位名称：</span>武汉市汉阳区融媒体中心');
    expect(html).toContain('1、部门预算项目 ☑');
    expect(html).toContain('2、省直专项 ☐');
    expect(html).toContain('<p>备注：部门预算项目以二级项目填报</p>');
    expect(html).toContain('<p>3. 部门预算项目以二级项目填报。</p>');
  });

  it('merges the cells the printed forms merge', () => {
    // 预算执行情况（万元） over two rows; 年度绩效目标 down the heading and both indicator rows.
    expect(html).toContain('<th class="pf-label" colspan="2" rowspan="2">预算执行情况（万元）</th>');
    expect(html).toContain('<th class="pf-label pf-side" rowspan="3">年度绩效目标</th>');
    // 一级指标 产出指标 spans its two rows; the second row's 二级指标 is its own.
    expect(html).toContain('<td class="pf-value pf-text" rowspan="2">产出指标</td>');
    expect(html).toContain('<td class="pf-value pf-text">质量指标</td>');
    // 部门整体表: 预算执行 continues over 结转结余率.
    expect(html).toContain('<td class="pf-value pf-text" rowspan="2">预算执行</td>');
  });

  it('uses the title the form stores when it has one', () => {
    const own = consistentForms();
    if (own.summary) own.summary.title = '2023年度汉阳区融媒体中心绩效自评情况汇总表';
    expect(performanceHtml(formSet, sampleWith(own))).toContain(
      '<h2 class="pf-title">2023年度汉阳区融媒体中心绩效自评情况汇总表</h2>',
    );
  });

  it('escapes every text it prints', () => {
    const evil = project('<script>alert("x")</script>', '2', '1.47', '74%');
    evil.deviation = 'A & B\n第二行';
    const out = performanceHtml(formSet, sampleWith({ projects: [evil] }));
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;项目绩效自评表');
    expect(out).toContain('A &amp; B<br>第二行');
  });

  it('prints only the forms the document has, and nothing without any', () => {
    expect(performanceHtml(formSet, sampleWith(undefined))).toBe('');
    expect(performanceHtml(formSet, sampleWith({}))).toBe('');
    const only = performanceHtml(formSet, sampleWith({ overall: forms.overall }));
    expect(only.match(/<section /g)).toHaveLength(1);
  });

  it('comes with its style, scoped to pf- classes', () => {
    const selectors = [...performancePrintCss.matchAll(/^([^{\n]+)\{/gm)].flatMap((m) =>
      (m[1] as string).split(',').map((s) => s.trim()),
    );
    expect(selectors.length).toBeGreaterThan(5);
    for (const s of selectors) expect(s).toMatch(/^\.pf-/);
  });
});
