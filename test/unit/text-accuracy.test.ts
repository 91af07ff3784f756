import { describe, expect, it } from 'vitest';
import { loadCorpus, measure } from '../accuracy/corpus';

// The accuracy corpus (test/accuracy/corpus/): real published 决算公开 documents of other units and the reference,
// with their mismatches verified by hand. The text check may not raise a false error on any of them, must find
// every real mismatch in a sentence it reads, and may pass none over in silence.
describe('the text check on the accuracy corpus', () => {
  const corpus = loadCorpus();

  it('holds at least three documents of other units besides the reference', () => {
    expect(corpus.filter((e) => !e.file.startsWith('hanyang')).length).toBeGreaterThanOrEqual(3);
  });

  for (const entry of corpus) {
    it(`${entry.file}: no false error, every real mismatch found or listed as not checked`, () => {
      const a = measure(entry);
      expect(a.falseErrors).toEqual([]);
      expect(a.missed.filter((m) => !m.listedUnchecked)).toEqual([]);
      expect(a.stated).toBe(a.checked + a.report.text.unchecked.length);
      expect(a.found + a.missed.length).toBe(a.real);
    });
  }

  it('finds the hand-verified mismatches it can read: 天水 “完成年初预算100%” against 决算数大于预算数, the reference’s 三公, dyrmt’s 38.28% in a 各下降 list', () => {
    const byFile = new Map(corpus.map((e) => [e.file, measure(e)]));
    expect(byFile.get('dyrmt-unit-2022.json')?.found).toBe(1);
    expect(byFile.get('tianshui-kindergarten-2017.json')?.found).toBe(2);
    expect(byFile.get('hanyang-reference-2023.json')?.found).toBe(4);
  });

  it('checks a document of another unit against its published table: 嘉定区司法局 2017’s 三公 table holds the text’s rates, and its 完成预算的0% / 降低0% against nothing are warnings', () => {
    const entry = corpus.find((e) => e.file === 'jiading-justice-bureau-2017.json');
    expect(entry?.realTables).toEqual(['09']);
    const a = measure(entry as (typeof corpus)[number]);
    const warnings = a.report.findings.flatMap((f) =>
      f.kind === 'text' && f.severity === 'warning' && 'paragraph' in f
        ? [`${f.paragraph}:${f.written}`]
        : [],
    );
    expect(warnings).toEqual(['1:0%', '2:0%']);
    expect(a.falseErrors).toEqual([]);
    expect(a.report.text.unchecked.map((u) => u.written)).toEqual(['22.00万元']);
  });
  it('two 上海-template documents with all nine published tables: 宜川路 and 石泉路街道 2025 — their hand-verified mismatches and 表六/表七 三公 disagreements found, none false', () => {
    const byFile = new Map(corpus.map((e) => [e.file, { entry: e, a: measure(e) }]));
    const yichuan = byFile.get('putuo-yichuan-subdistrict-2025.json');
    const shiquan = byFile.get('putuo-shiquan-subdistrict-2025.json');
    expect(yichuan?.entry.realTables).toHaveLength(9);
    expect(shiquan?.entry.realTables).toHaveLength(9);
    // 4.35%, 269.85, 63.76%, 15.31%, 增长100% from 0, 135.00 for 表八's 105.00 (基金 项), and 表六
    // 30212/30217/30231 above 表七.
    expect(yichuan?.a.found).toBe(9);
    expect(yichuan?.a.missed).toEqual([]);
    // 545.84 for 545.85, 公务接待费 1.53 for 0, 20.04 (a 项 its 款 does not hold) and 245.53 for 257.14.
    expect(shiquan?.a.found).toBe(4);
    expect(shiquan?.a.missed).toEqual([]);
  });

  const findingsOf = (file: string, section: string, paragraph: number) => {
    const entry = corpus.find((e) => e.file === file) as (typeof corpus)[number];
    return measure(entry).report.findings.flatMap((f) =>
      'section' in f && f.section === section && f.paragraph === paragraph && f.kind === 'text'
        ? [{ severity: f.severity, written: f.written, message: f.message }]
        : [],
    );
  };

  it('宜川路街道 2025: a 政府性基金 项 is checked against 表八, the section’s own table, not 表五’s 类 of the same name', () => {
    // “住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）135.00 万元，… 年初预算为 0.00 万元，支出决算为
    // 135.00 万元。” — 表八 2219899 其他住房保障支出 105.00 (表五's 221 住房保障支出 is 1076.78).
    const found = findingsOf('putuo-yichuan-subdistrict-2025.json', 'explanation.fund', 1);
    expect(found.map((f) => `${f.severity} ${f.written}`)).toEqual(['error 135.00万元', 'error 135.00万元']);
    for (const f of found) expect(f.message).toContain('表八 2219899 其他住房保障支出');
  });

  it('石泉路街道 2025: “统计信息事务（项）”, a 项 its 款 does not hold, is an error naming the 款’s own 项', () => {
    // “1.“一般公共服务（类）统计信息事务（款）统计信息事务（项）”20.04 万元，…年初预算为 77.59 万元，支出决算为 20.04
    // 万元” — 表五 20105 统计信息事务 holds 2010505 专项统计业务 20.03 and 2010506 统计管理 3.39.
    const found = findingsOf('putuo-shiquan-subdistrict-2025.json', 'explanation.general', 7);
    expect(found.map((f) => `${f.severity} ${f.written}`)).toEqual(['error 20.04万元', 'error 20.04万元']);
    expect(found[0]?.message).toContain(
      '2010505 专项统计业务 20.03万元、2010506 统计管理 3.39万元，没有一项是 20.04万元',
    );
  });

  it('石泉路街道 2025: a quoted 项 heading with no number governs its paragraph’s 年初预算/支出决算 sentence', () => {
    // “社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）”257.14 万元，… 年初预算为274.82
    // 万元，支出决算为 245.53 万元，完成年初预算的 93.57%。” — 表五 2080506 257.14; 93.57% = 257.14 / 274.82.
    const found = findingsOf('putuo-shiquan-subdistrict-2025.json', 'explanation.general', 23);
    expect(found.map((f) => `${f.severity} ${f.written}`)).toEqual(['error 245.53万元']);
    expect(found[0]?.message).toContain('应为 257.14万元（表五 2080506 机关事业单位职业年金缴费支出');
    // “…机关事业单位基本养老保险缴费支出（项）”545.84 万元 … 支出决算为 545.84 万元，完成年初预算的 95.76%”: the rate
    // follows from the text's own wrong 545.84 (表五 545.85) — a warning, not a second error.
    const pension = findingsOf('putuo-shiquan-subdistrict-2025.json', 'explanation.general', 22);
    expect(pension.map((f) => `${f.severity} ${f.written}`)).toEqual([
      'error 545.84万元',
      'error 545.84万元',
      'warning 95.76%',
    ]);
    expect(pension[2]?.message).toContain('按文字所写的支出决算 545.84万元 算是对的');
  });
});
