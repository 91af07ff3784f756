import { describe, expect, it } from 'vitest';
import { applyOperation, type GongkaiDocument } from '../../document';
import { Workbook } from '../../engine';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { draftSection, DraftUnavailable } from '../drafts';

function draft(key: string, doc: GongkaiDocument = loadSample()): string {
  return (draftSection(key, { formSet, wb: new Workbook(formSet, doc), doc }) ?? []).join('\n');
}

describe('drafts computed from the sample reproduce the reference’s figures', () => {
  it('一、收入支出决算总体情况', () => {
    const text = draft('explanation.totals');
    expect(text).toContain(
      '2023年度收、支总计1455.41万元。与2022年度相比，收、支总计各增加45.59万元，增长3.23%，主要原因是【待填写：增减原因】。',
    );
  });

  it('二、收入决算', () => {
    expect(draft('explanation.income')).toBe(
      '2023年度收入合计1455.41万元。其中：财政拨款收入1455.41万元，占本年收入100%。',
    );
  });

  it('三、支出决算: shares of 基本 and 项目', () => {
    const text = draft('explanation.expenditure');
    expect(text).toContain('基本支出348.29万元，占本年支出23.93%');
    expect(text).toContain('项目支出1107.12万元，占本年支出76.07%');
    expect(text).toContain('支出合计增加45.59万元，增长3.23%');
  });

  it('五、一般公共预算: the 类 breakdown and 完成年初预算 rates', () => {
    const text = draft('explanation.general');
    expect(text).toContain('1. 一般公共服务支出1332.23万元，占91.54%。主要是用于宣传事务支出。');
    expect(text).toContain(
      '2. 社会保障和就业支出63.89万元，占4.39%。主要是用于行政事业单位养老支出、残疾人事业支出。',
    );
    expect(text).toContain('3. 卫生健康支出27.61万元，占1.9%。');
    expect(text).toContain('4. 农林水支出5万元，占0.34%。');
    expect(text).toContain('5. 住房保障支出26.68万元，占1.83%。');
    expect(text).toContain('年初预算为1639.64万元，支出决算为1455.41万元，完成年初预算的88.76%');
    expect(text).toContain(
      '1. 一般公共服务支出(类)。年初预算为1550.09万元，支出决算为1332.23万元，完成年初预算的85.95%。',
    );
    expect(text).toContain(
      '2. 社会保障和就业支出(类)。年初预算为30.26万元，支出决算为63.89万元，完成年初预算的211.14%。主要原因是【待填写',
    );
    expect(text).toContain(
      '3. 卫生健康支出(类)。年初预算为27.61万元，支出决算为27.61万元，完成年初预算的100%。\n',
    );
  });

  it('六、基本支出: 人员经费 and 公用经费', () => {
    const text = draft('explanation.basic');
    expect(text).toContain(
      '基本支出348.29万元，其中：人员经费343.37万元，主要包括：基本工资、津贴补贴、绩效工资',
    );
    expect(text).toContain(
      '公用经费4.92万元，主要包括：办公费、差旅费、工会经费、福利费、公务用车运行维护费。',
    );
  });

  it('九、“三公”经费 from 公开09表', () => {
    const text = draft('explanation.threePublic');
    expect(text).toContain('“三公”经费财政拨款支出预算为0.89万元，支出决算为0.89万元，完成预算的100%。');
    expect(text).toContain('开支财政拨款的公务用车保有量1辆');
  });

  it('十一、政府采购 and 十三、绩效 from the facts', () => {
    expect(draft('explanation.procurement')).toContain(
      '授予中小企业合同金额0.38万元，占政府采购支出总额的0.13%',
    );
    expect(draft('explanation.performance')).toContain(
      '项目全年预算数为1281.92万元，执行数为1107.12万元，完成预算的86.36%',
    );
  });

  it('follows the tables: a changed amount changes the draft', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2130599', col: '3', text: '6' }],
    }).doc;
    expect(draft('explanation.expenditure', doc)).toContain('项目支出1108.12万元');
  });

  it('leaves a visible to-do where a fact is missing, never a made-up number', () => {
    const { facts: _f, ...doc } = loadSample();
    const text = draft('explanation.totals', doc as GongkaiDocument);
    expect(text).toContain('【待填写：请在补充数据中填写2022年度收支总计');
    expect(text).not.toMatch(/增加\d/);
  });
});

describe('a new document', () => {
  it('starts with the standard 名词解释, editable like any text', async () => {
    const { withDefaultSections } = await import('../default-sections');
    const { newDocument } = await import('../../document');
    const doc = withDefaultSections(formSet, newDocument(2023, { name: '某局' }));
    expect(doc.sections?.['glossary.terms']?.paragraphs[0]).toContain('一般公共预算财政拨款收入');
    expect(doc.sections?.['attachments.note']?.paragraphs[0]).toBe('一、2023年度某局部门整体绩效自评表');
  });
});

describe('a draft never states an unknowable number', () => {
  it('an invalid amount under a total stops the draft with a message naming the total and its cell', () => {
    const doc = applyOperation(loadSample(), {
      type: 'setCells',
      table: '03',
      cells: [{ row: '2013350', col: '2', text: '12a' }],
    }).doc;
    expect(() => draft('explanation.expenditure', doc)).toThrow(DraftUnavailable);
    expect(() => draft('explanation.expenditure', doc)).toThrow(
      /^本年支出合计无法计算：公开01表 58行.*请先在报表中改正/,
    );
    // A section that does not need it is still drafted.
    expect(draft('explanation.threePublic', doc)).toContain('0.89万元');
  });
});
