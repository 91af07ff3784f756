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
    // 4.35%, 269.85, 63.76%, 15.31%, 增长100% from 0, and 表六 30212/30217/30231 above 表七; 135.00 (基金 项) is listed.
    expect(yichuan?.a.found).toBe(8);
    expect(yichuan?.a.missed.map((m) => `${m.written} ${m.listedUnchecked}`)).toEqual(['135.00万元 true']);
    // 545.84 for 545.85 and 公务接待费 1.53 for 0; 20.04 (a 项 no table holds) and 245.53 are listed.
    expect(shiquan?.a.found).toBe(2);
    expect(shiquan?.a.missed.every((m) => m.listedUnchecked)).toBe(true);
  });
});
