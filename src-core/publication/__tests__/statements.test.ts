import { describe, expect, it } from 'vitest';
import { applyOperation, type GongkaiDocument, type Operation } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { checkDocumentReport } from '../../audit/check-document';
import { textReport } from '../text-check';
import { findingNote } from '../../export/audit-report';

// The reference document's tables with other units' wording (上海 2024 template phrasing and reviewer-found
// mistakes) put into its 情况说明: each test fails if the check it names is taken out.
const apply = (doc: GongkaiDocument, ...ops: Operation[]) =>
  ops.reduce((d, op) => applyOperation(d, op).doc, doc);
const text = (key: string, ...paragraphs: string[]): Operation => ({
  type: 'setSection',
  key,
  value: { paragraphs },
});
const report = (doc: GongkaiDocument) => textReport(formSet, new Workbook(formSet, doc), doc);
const of = (doc: GongkaiDocument, section: string) => {
  const r = report(doc);
  return {
    findings: r.findings.filter((f) => f.section === section),
    unchecked: r.unchecked.filter((u) => u.section === section),
    r,
  };
};
const brief = (f: { written?: string; expected?: string; severity: string }) =>
  `${f.severity} ${f.written} → ${f.expected}`;

describe('statements by structure (上海 template phrasing)', () => {
  it('reads 收入支出总计 and 财政拨款收入支出总计, and finds a 财政拨款 total stated as 0.3万元', () => {
    const doc = apply(
      loadSample(),
      text('explanation.totals', '武汉市汉阳区融媒体中心2023年度收入支出总计1455.41万元。'),
      text('explanation.fiscal', '武汉市汉阳区融媒体中心2023年度财政拨款收入支出总计0.3万元。'),
    );
    expect(of(doc, 'explanation.totals').findings).toEqual([]);
    expect(of(doc, 'explanation.totals').unchecked).toEqual([]);
    expect(of(doc, 'explanation.fiscal').findings.map(brief)).toEqual(['error 0.3万元 → 1455.41万元']);
  });

  it('the subject of a 项 sentence is its 项, never the 基本支出 of the sentence before', () => {
    const doc = apply(
      loadSample(),
      text('explanation.general', '其中的基本支出348.29万元。事业运行（项）支出决算为 230.68万元。'),
    );
    const { findings, unchecked, r } = of(doc, 'explanation.general');
    expect(findings).toEqual([]);
    expect(unchecked).toEqual([]);
    expect(r.checked).toBeGreaterThan(0);
  });

  it('a 1、类（类）款（款）项（项） item heading is the subject of the item’s budget sentence', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.general',
        '1、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。主要用于：缴费。年初预算为 30.26 万元，支出决算为 99 万元。',
      ),
    );
    const { findings } = of(doc, 'explanation.general');
    // The 项's own figure, not the 类's 63.89.
    expect(findings.map((f) => f.source)).toEqual([
      '公开05表 2080505 机关事业单位基本养老保险缴费支出 1栏（小计）',
    ]);
  });

  it('全年预算 is not 年初预算: with no 全年预算 the number is listed as not understood, not compared', () => {
    const doc = apply(
      loadSample(),
      text('explanation.general', '一般公共预算财政拨款支出全年预算为321.02万元，支出决算为1455.41万元。'),
    );
    const { findings, unchecked } = of(doc, 'explanation.general');
    expect(findings).toEqual([]);
    expect(unchecked.map((u) => `${u.written}: ${u.reason}`)).toEqual([
      '321.02万元: 报表和补充数据中没有一般公共预算财政拨款支出的全年预算（只有年初预算）',
    ]);
  });

  it('完成预算 after a stated 年初预算 is against that 年初预算 (上海: “三公”经费…年初预算为…完成预算的…)', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.threePublic',
        '“三公”经费财政拨款支出年初预算为2.88万元，支出决算为0.89万元，完成预算的30.9%。',
      ),
    );
    const { findings, unchecked } = of(doc, 'explanation.threePublic');
    expect(findings).toEqual([]);
    // 公开09表 has the 全年预算 only: the 年初预算 itself is listed as not checked.
    expect(unchecked.map((u) => u.written)).toEqual(['2.88万元']);
  });

  it('a sentence not understood is listed with its reason, and coverage counts it', () => {
    const doc = apply(loadSample(), text('explanation.general', '项目支出主要用于宣传事务954.62万元。'));
    const { unchecked, r } = of(doc, 'explanation.general');
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]?.sentence).toBe('项目支出主要用于宣传事务954.62万元。');
    expect(unchecked[0]?.reason).toContain('用于宣传事务');
    expect(r.stated).toBe(r.checked + r.unchecked.length);
  });
});

describe('severity as documents are made', () => {
  it('a figure equal to 公开04表 but 0.01 off 公开05表 is a 尾数 warning', () => {
    const doc = apply(
      loadSample(),
      { type: 'setCells', table: '04', cells: [{ row: '59', col: '3', text: '1455.42' }] },
      text('explanation.general', '一般公共预算财政拨款支出1455.42万元。'),
    );
    const f = of(doc, 'explanation.general').findings;
    expect(f.map(brief)).toEqual(['warning 1455.42万元 → 1455.41万元']);
    expect(f[0]?.message).toContain('公开04表');
  });

  it('shares rounded so that they sum to 100% are warnings; other share errors stay errors', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.expenditure',
        '本年支出合计1455.41万元，其中：基本支出348.29万元，占23.94%；项目支出1107.12万元，占76.06%。',
        '本年支出合计1455.41万元，其中：基本支出348.29万元，占23.94%；项目支出1107.12万元，占76.07%。',
      ),
    );
    const f = of(doc, 'explanation.expenditure').findings;
    expect(f.map((x) => `${x.paragraph} ${brief(x)}`)).toEqual([
      '0 warning 23.94% → 23.93%',
      '0 warning 76.06% → 76.07%',
      '1 error 23.94% → 23.93%',
    ]);
  });
});

describe('the mistakes reviewers find', () => {
  it('a 完成年初预算% against a zero budget', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.general',
        '4. 农林水支出（类）。年初预算为0万元，支出决算为5万元，完成年初预算的95.89%。',
      ),
    );
    const f = of(doc, 'explanation.general').findings;
    expect(f.map((x) => `${x.written} ${x.severity}`)).toContain('95.89% error');
    expect(f.find((x) => x.written === '95.89%')?.message).toContain('零基数');
  });

  it('a growth rate from a zero base', () => {
    const sample = loadSample();
    const doc = apply(
      sample,
      {
        type: 'setFact',
        key: 'priorYear',
        value: {
          ...sample.facts?.priorYear,
          metrics: { ...sample.facts?.priorYear?.metrics, 一般公共预算财政拨款支出: '0' },
        },
      },
      text('explanation.general', '一般公共预算财政拨款支出1455.41万元，比上年增长100.00%。主要原因是新增。'),
    );
    const f = of(doc, 'explanation.general').findings;
    expect(f.map((x) => x.written)).toEqual(['100.00%']);
    expect(f[0]?.message).toContain('零基数');
  });

  it('“增加0.89万元，增长100%” where 本年 is 0.89: the 上年数 the text implies is 0, a rate against a zero base (宜川路街道 2025)', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.threePublic',
        '2023年度“三公”经费财政拨款支出决算数比2022年度增加0.89万元，增长100%。主要原因是新增公务用车运行。',
      ),
    );
    const f = of(doc, 'explanation.threePublic').findings.filter((x) => x.written === '100%');
    expect(f.map((x) => x.severity)).toEqual(['error']);
    expect(f[0]?.message).toContain('零基数');
  });

  it('a total that agrees with 表七 is not blamed for a wrong part: only the part is (石泉路街道 2025, 公务接待费 1.53 for 0)', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.threePublic',
        '2023年度“三公”经费财政拨款支出决算为0.89万元，其中：因公出国（境）费决算为0万元；公务用车购置及运行维护费支出决算为0.89万元；公务接待费支出决算为0.5万元。',
      ),
    );
    const errors = of(doc, 'explanation.threePublic').findings.filter((x) => x.severity === 'error');
    expect(errors.map((x) => x.written)).toEqual(['0.5万元']);
  });

  it('a （项） the tables do not hold, after a 款 they do, is held against that 款’s own 项, never the 款’s total', () => {
    const doc = apply(
      loadSample(),
      text('explanation.general', '1、一般公共服务支出（类）宣传事务（款）宣传管理（项）20.04万元。'),
    );
    const { findings, unchecked } = of(doc, 'explanation.general');
    expect(unchecked).toEqual([]);
    expect(findings.map((f) => `${f.severity} ${f.written}`)).toEqual(['error 20.04万元']);
    expect(findings[0]?.message).toContain(
      '宣传事务下没有“宣传管理（项）”，其下各项为2013350 事业运行 230.68万元、2013399 其他宣传事务支出 1101.55万元，没有一项是 20.04万元',
    );
    // The figure of one of its 项 under another name: the name is wrong, a warning naming the table's.
    const renamed = apply(
      loadSample(),
      text('explanation.general', '1、一般公共服务支出（类）宣传事务（款）宣传管理（项）230.68万元。'),
    );
    const w = of(renamed, 'explanation.general').findings;
    expect(w.map((f) => `${f.severity} ${f.written}`)).toEqual(['warning 230.68万元']);
    expect(w[0]?.message).toContain('科目名称请照表写作“事业运行”');
  });

  it('a 类 written without its 支出 (一般公共服务（类）) still picks which of two same-named 项 is meant', () => {
    const doc = apply(
      loadSample(),
      { type: 'insertRows', table: '05', rows: [{ code: '2101199', name: '事业运行' }] },
      text('explanation.general', '1、一般公共服务（类）宣传事务（款）事业运行（项）230.68万元。'),
    );
    const { findings, unchecked, r } = of(doc, 'explanation.general');
    expect(findings).toEqual([]);
    expect(unchecked).toEqual([]);
    expect(r.checked).toBeGreaterThan(0);
  });

  it('增加/减少 whose direction contradicts the numbers', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.expenditure',
        '本年支出合计1455.41万元，比上年减少45.59万元，下降3.23%。主要原因是业务增加。',
      ),
    );
    const f = of(doc, 'explanation.expenditure').findings;
    expect(f.map((x) => `${x.written} → ${x.expected}`)).toEqual([
      '45.59万元 → 增加45.59万元',
      '3.23% → 增长3.23%',
    ]);
  });

  it('完成预算100% with 决算数大于预算数 in the same sentence', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.general',
        '1. 卫生健康支出（类）。完成年初预算100%，决算数大于预算数，主要原因是人员增加。',
      ),
    );
    expect(of(doc, 'explanation.general').findings.map((x) => x.written)).toEqual(['100%']);
  });

  it('a change with no 主要原因', () => {
    const doc = apply(
      loadSample(),
      text('explanation.expenditure', '本年支出合计1455.41万元，比上年增加45.59万元。'),
    );
    const f = of(doc, 'explanation.expenditure').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('没有写主要原因')]);
  });

  it('placeholders left in: XXX, XXXXXXXX, ××, 某某, 请填写, （略）', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.totals',
        '上海市XX局2023年度收入支出总计XXX万元。主要原因：XXXXXXXX。××某某请填写（略）。',
      ),
    );
    const f = of(doc, 'explanation.totals').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.written).sort()).toEqual(
      ['XX', 'XXX', 'XXXXXXXX', '××', '某某', '请填写', '（略）'].sort(),
    );
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('doubled words and punctuation', () => {
    const doc = apply(loadSample(), text('explanation.totals', '收支总计增加增加，预算预算。。'));
    const f = of(doc, 'explanation.totals').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.written)).toEqual(['增加增加', '预算预算', '。。']);
  });

  it('a percentage with more than two decimals', () => {
    const doc = apply(
      loadSample(),
      text('explanation.expenditure', '基本支出348.29万元，占本年支出23.931%。'),
    );
    const f = of(doc, 'explanation.expenditure').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.written)).toEqual(['23.931%']);
  });

  it('an amount in 元 where 万元 is meant', () => {
    const doc = apply(loadSample(), text('explanation.basic', '一般公共预算财政拨款基本支出348.29元。'));
    const f = of(doc, 'explanation.basic').findings;
    expect(f.map((x) => x.written)).toEqual(['348.29元']);
    expect(f[0]?.message).toContain('单位写成了“元”');
  });

  it('the wrong year', () => {
    const doc = apply(loadSample(), text('explanation.totals', '2021年度收、支总计1455.41万元。'));
    const f = of(doc, 'explanation.totals').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.written)).toEqual(['2021年度']);
  });

  it('another unit’s name', () => {
    const doc = apply(
      loadSample(),
      text('explanation.assets', '截至2023年12月31日，武汉市汉阳区文化和旅游局共有车辆1辆。'),
    );
    const f = of(doc, 'explanation.assets').findings.filter((x) => x.kind === 'mistake');
    expect(f.map((x) => x.written)).toEqual(['武汉市汉阳区文化和旅游局']);
  });

  it('部门决算 wording in a publication that calls itself 单位决算', () => {
    const doc = apply(
      loadSample(),
      text('overview.duties', '本单位决算包括本级。', '单位决算由本单位编制。'),
      text('overview.organization', '部门决算单位构成。'),
    );
    const r = checkDocumentReport(formSet, new Workbook(formSet, doc), doc);
    const kinds = r.findings.filter((f) => f.kind === 'mistake' && f.message.includes('部门决算'));
    expect(kinds.length).toBeGreaterThan(0);
  });

  it('车辆 counts against their categories', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.assets',
        '截至2023年12月31日，本单位共有车辆1辆，其中：执法执勤用车1辆、其他用车1辆。',
      ),
    );
    const f = of(doc, 'explanation.assets').findings;
    expect(f.map((x) => `${x.written} → ${x.expected}`)).toEqual(['1辆 → 2']);
    expect(of(doc, 'explanation.assets').unchecked).toEqual([]);
  });

  it('政府采购 货物+工程+服务 = 总额 in the text', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.procurement',
        '政府采购支出总额290.16万元，其中：政府采购货物支出0.00万元、政府采购工程支出0.00万元、政府采购服务支出290.16万元。',
        '政府采购支出总额290.16万元，其中：政府采购货物支出1.00万元、政府采购工程支出0.00万元、政府采购服务支出290.16万元。',
      ),
    );
    const f = of(doc, 'explanation.procurement').findings;
    // The total agrees with 补充数据; the wrong part is the one reported.
    expect(f.map((x) => `${x.paragraph} ${x.written}`)).toEqual(['1 1.00万元']);
  });
});

describe('checks of 补充数据 and across tables', () => {
  const findings = (doc: GongkaiDocument) =>
    checkDocumentReport(formSet, new Workbook(formSet, doc), doc).findings;

  it('机关运行经费 above 公开06表 公用经费 is a warning', () => {
    const doc = apply(loadSample(), { type: 'setFact', key: 'officeOperation', value: '10' });
    const f = findings(doc).filter((x) => x.kind === 'facts');
    expect(f.map((x) => x.severity)).toEqual(['warning']);
    expect(f[0]?.message).toContain('公用经费');
  });

  it('政府采购 parts that do not add up, and 授予中小企业 above the total', () => {
    const sample = loadSample();
    const doc = apply(sample, {
      type: 'setFact',
      key: 'procurement',
      value: { ...sample.facts?.procurement, goods: '1', sme: '300' },
    });
    expect(
      findings(doc)
        .filter((x) => x.kind === 'facts')
        .map((x) => x.id),
    ).toEqual(['facts:procurement', 'facts:sme']);
  });

  it('a 公开06表 三公 item above its 公开09表 决算 column is an error, for each of the four codes', () => {
    let doc = loadSample();
    for (const code of ['30212', '30217', '30231', '31013'])
      doc = apply(doc, { type: 'setCells', table: '06', cells: [{ row: code, col: '1', text: '5' }] });
    const f = findings(doc).filter((x) => x.kind === 'crossTable');
    expect(f.map((x) => x.id)).toEqual([
      'cross:公开06表[30212]',
      'cross:公开06表[30217]',
      'cross:公开06表[30231]',
      'cross:公开06表[31013]',
    ]);
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('the reference still reports its 三公 2.88 / 0.89 disagreement, and nothing crosses tables', () => {
    const doc = loadSample();
    const all = findings(doc);
    expect(all.filter((x) => x.kind === 'crossTable' || x.kind === 'facts')).toEqual([]);
    expect(all.some((x) => x.kind === 'text' && x.written === '2.88万元' && x.expected === '0.89万元')).toBe(
      true,
    );
  });
});

describe('a profile that gives no statement phrases', () => {
  it('lists every number of its text as not checked, with the reason — never a clean result', () => {
    const bare = { ...formSet, publication: { ...formSet.publication, statements: undefined } };
    const doc = loadSample();
    const r = textReport(bare, new Workbook(bare, doc), doc);
    expect(r.checked).toBe(0);
    expect(r.stated).toBeGreaterThan(90);
    expect(r.unchecked).toHaveLength(r.stated);
    expect(r.unchecked[0]?.reason).toContain('statements');
  });
});

describe('several figures in one sentence (各是 / 分别为)', () => {
  it('maps the figures of a list to the subjects named before it, in order', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.expenditure',
        '基本支出、项目支出分别为348.29万元、1107.12万元。',
        '基本支出、项目支出分别为1107.12万元、348.29万元。',
        '2023年度收、支总计各是1455.41，1455.41万元。',
      ),
    );
    const { findings, unchecked } = of(doc, 'explanation.expenditure');
    expect(unchecked).toEqual([]);
    // Swapped figures are two errors, each against its own subject.
    expect(findings.map((f) => `${f.paragraph} ${brief(f)}`)).toEqual([
      '1 error 1107.12万元 → 348.29万元',
      '1 error 348.29万元 → 1107.12万元',
    ]);
  });

  it('a later list in the sentence (各增长a%、b%) goes to the same subjects, against the 上年数 their stated change implies', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.expenditure',
        // 10/(348.29−10) = 2.96%, 20/(1107.12−20) = 1.84%.
        '与2022年度相比，基本支出、项目支出各增加10.00，20.00万元，各增长2.96%、1.84%。',
        '与2022年度相比，基本支出、项目支出各增加10.00，20.00万元，各增长2.96%、1.94%。',
      ),
    );
    const { findings, unchecked } = of(doc, 'explanation.expenditure');
    expect(findings.map((f) => `${f.paragraph} ${brief(f)}`)).toEqual(['1 error 1.94% → 1.84%']);
    expect(findings[0]?.message).toContain('推算上年数为 1087.12万元');
    // The changes themselves have no 上年数 to be checked against: listed, not passed over.
    expect(unchecked.map((u) => u.written)).toEqual(['10.00', '20.00万元', '10.00', '20.00万元']);
  });

  it('a list with fewer named subjects than figures is listed as not understood, never guessed', () => {
    const doc = apply(
      loadSample(),
      text('explanation.expenditure', '项目支出分别为348.29万元、1107.12万元。'),
    );
    const { findings, unchecked } = of(doc, 'explanation.expenditure');
    expect(findings).toEqual([]);
    expect(unchecked.map((u) => u.reason)).toEqual([
      '并列了2个数，但前面没有认出与之一一对应的2个项目',
      '并列了2个数，但前面没有认出与之一一对应的2个项目',
    ]);
  });
});

describe('持平 / 与上年一致 without a number', () => {
  it('is an error where the tables differ, with the real change', () => {
    const doc = apply(
      loadSample(),
      text('explanation.totals', '与上年相比，收、支总计持平。', '一般公共预算财政拨款支出与年初预算持平。'),
    );
    const { findings, r } = of(doc, 'explanation.totals');
    expect(findings.map((f) => `${f.paragraph} ${brief(f)}`)).toEqual([
      '0 error 持平 → 增加45.59万元',
      '1 error 持平 → 减少184.23万元',
    ]);
    expect(r.unchecked.filter((u) => u.section === 'explanation.totals')).toEqual([]);
  });

  it('is consistent where equal within 尾数, and listed as not checked without a 上年数', () => {
    const sample = loadSample();
    const prior = sample.facts?.priorYear;
    const doc = apply(
      sample,
      {
        type: 'setFact',
        key: 'priorYear',
        value: { ...prior, metrics: { ...prior?.metrics, 收支总计: '1455.40' } },
      },
      text('explanation.totals', '2023年度，收支总计与上年一致。与上年相比，基本支出无变化。'),
    );
    const { findings, unchecked } = of(doc, 'explanation.totals');
    expect(findings).toEqual([]);
    expect(unchecked.map((u) => `${u.written}: ${u.reason}`)).toEqual([
      '无变化: 没有基本支出的上年数（补充数据 › 上年数），“无变化”无从核对',
    ]);
  });
});

describe('the item a list paragraph is about', () => {
  it('is named in its first clause, not in the definition after it', () => {
    const doc = apply(
      loadSample(),
      text(
        'explanation.income',
        '6.其他收入0.00万元，为预算单位在“财政拨款收入”“事业收入”“经营收入”之外取得的收入。与上年相比无变化。',
      ),
    );
    expect(of(doc, 'explanation.income').unchecked.map((u) => u.reason)).toEqual([
      '没有其他收入的上年数（补充数据 › 上年数），“无变化”无从核对',
    ]);
  });
});

describe('text finding ids', () => {
  it('do not move when the text before them changes, so a 说明 written on a finding stays on it', () => {
    const wrong = '公务用车运行维护费决算为0.80万元。';
    const before = apply(
      loadSample(),
      text('explanation.threePublic', '一、总体情况。', wrong, '占比5.555%。'),
    );
    const ids = of(before, 'explanation.threePublic').findings.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const notes = Object.fromEntries(ids.map((id) => [id, '已与财务核对']));
    // An edit elsewhere: a paragraph inserted before, words added before the figure in its own paragraph.
    const after = apply(
      { ...before, findingNotes: notes },
      text(
        'explanation.threePublic',
        '一、总体情况。',
        '新加的一段，没有数字。',
        `经核实，${wrong}`,
        '占比5.555%。',
      ),
    );
    const again = of(after, 'explanation.threePublic').findings;
    expect(again.map((f) => f.id)).toEqual(ids);
    expect(again.map((f) => findingNote(after, f.id))).toEqual(ids.map(() => '已与财务核对'));
  });

  it('tell two findings of the same kind in one section apart', () => {
    const doc = apply(
      loadSample(),
      text('explanation.threePublic', '公务接待费决算为1.00万元。', '公务接待费决算为2.00万元。'),
    );
    const ids = of(doc, 'explanation.threePublic').findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(2);
  });
});

describe('a budget stated only in the text', () => {
  it('完成年初预算 beside a bare 预算 is checked against that budget; a wrong rate is an error', () => {
    const sentence = (rate: string) =>
      `2. 公务用车购置及运行费支出预算为2.43万元，决算为0.89万元，完成年初预算的${rate}。`;
    const ok = of(
      apply(loadSample(), text('explanation.threePublic', sentence('36.63%'))),
      'explanation.threePublic',
    );
    expect(ok.unchecked).toEqual([]);
    // 2.43 against 公开09表's 预算数 0.89 stays the document's own disagreement; the rate itself is right.
    expect(ok.findings.map(brief)).toEqual(['error 2.43万元 → 0.89万元']);
    const wrong = of(
      apply(loadSample(), text('explanation.threePublic', sentence('38.63%'))),
      'explanation.threePublic',
    );
    expect(wrong.findings.map(brief)).toEqual(['error 2.43万元 → 0.89万元', 'error 38.63% → 36.63%']);
  });

  it('a 完成年初预算 rate and 比年初预算减少 state the same budget twice: checked against each other', () => {
    const para = (rate: string, less: string) =>
      `（2）公务用车运行费0.89万元，完成年初预算的${rate}，比年初预算减少${less}万元，主要原因是车辆维修。`;
    const ok = of(
      apply(loadSample(), text('explanation.threePublic', para('36.63%', '1.54'))),
      'explanation.threePublic',
    );
    expect(ok.findings).toEqual([]);
    expect(ok.unchecked).toEqual([]);
    const wrong = of(
      apply(loadSample(), text('explanation.threePublic', para('46.63%', '1.54'))),
      'explanation.threePublic',
    );
    expect(wrong.findings.map(brief)).toEqual(['error 46.63% → 36.63%']);
    // The difference is not called right when the two disagree: it stays listed as not checked.
    expect(wrong.unchecked.map((u) => u.written)).toEqual(['1.54万元']);
  });
});

describe('changes of the 三公 items stated with their total', () => {
  const para = (total: string) =>
    `2023年度“三公”经费财政拨款支出决算数比2022年度减少${total}万元，其中：因公出国(境)费支出决算减少0万元；公务用车购置及运行维护费支出决算减少17.00万元；公务接待费支出决算减少0万元。主要原因是严格执行八项规定。`;

  it('add up: each is checked, against last year where the 补充数据 has it, else against the others', () => {
    const { findings, unchecked, r } = of(
      apply(loadSample(), text('explanation.threePublic', para('17.00'))),
      'explanation.threePublic',
    );
    expect(findings).toEqual([]);
    expect(unchecked).toEqual([]);
    expect(r.stated).toBeGreaterThan(r.unchecked.length);
  });

  it('a total that is not the sum of its items is an error', () => {
    const { findings } = of(
      apply(loadSample(), text('explanation.threePublic', para('17.50'))),
      'explanation.threePublic',
    );
    expect(findings.map(brief)).toEqual(['error 17.50万元 → 减少17万元']);
  });

  it('减少0万元，降低0% where both years are 0 by the text’s own figures is a warning to write 无变化', () => {
    const { findings, unchecked } = of(
      apply(
        loadSample(),
        text(
          'explanation.threePublic',
          '2023年度因公出国(境)费支出决算比2022年度减少0万元，降低0%，主要原因是未安排出国。',
        ),
      ),
      'explanation.threePublic',
    );
    expect(findings.map(brief)).toEqual(['warning 0% → 无变化']);
    expect(unchecked.map((u) => u.written)).toEqual(['0万元']);
  });
});

describe('figures the tables hold only through other figures', () => {
  it('a 绩效自评 project is a subject (its 财政资金总额), and a figure its 其中 adds up to is checked', () => {
    const para = (news: string) =>
      `项目支出主要用于宣传事务954.62万元，其中包括新闻宣传${news}万元、政务新媒体127.80万元。`;
    const ok = of(apply(loadSample(), text('explanation.general', para('826.82'))), 'explanation.general');
    expect(ok.findings).toEqual([]);
    expect(ok.unchecked).toEqual([]);
    const wrong = of(apply(loadSample(), text('explanation.general', para('836.82'))), 'explanation.general');
    expect(wrong.findings.map(brief)).toEqual(['error 836.82万元 → 826.82万元']);
    // Parts that do not add up say nothing of the whole: it is listed as not checked, not called wrong.
    expect(wrong.unchecked.map((u) => u.written)).toEqual(['954.62万元']);
  });

  it('the one reason of a checked change left without a 上年数 is checked when the reasons make up the change', () => {
    const para = (a: string) =>
      `2023年度收、支总计1455.41万元。与2022年度相比，收、支总计各增加45.59万元，增长3.23%，主要原因是宣传事务减少${a}万元，社会保障和就业支出增加47.22万元，卫生健康支出增加1.71万元。`;
    const ok = of(apply(loadSample(), text('explanation.totals', para('3.34'))), 'explanation.totals');
    expect(ok.findings).toEqual([]);
    expect(ok.unchecked).toEqual([]);
    const off = of(apply(loadSample(), text('explanation.totals', para('3.43'))), 'explanation.totals');
    expect(off.findings).toEqual([]);
    expect(off.unchecked.map((u) => u.written)).toEqual(['3.43万元']);
  });
});
