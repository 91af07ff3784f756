import { describe, expect, it } from 'vitest';
import { exportXlsx } from '../../export/xlsx-export';
import { importXlsx } from '../../export/xlsx-import';
import { formSet, loadSample } from '../../engine/__tests__/helpers';
import { project, sampleWith } from './fixtures';

describe('the 绩效自评表 through Excel', () => {
  it('the sample’s come back from its own export', async () => {
    const doc = loadSample();
    const back = await importXlsx(formSet, await exportXlsx(formSet, doc));
    if (!back.ok) throw new Error(back.message);
    expect(back.document.performance).toEqual(doc.performance);
  });

  it('forms longer than an Excel cell holds are carried over several cells', async () => {
    const long = project('很长的项目', '2', '1.47', '74%');
    // 72,000 UTF-16 units; padded so that a cut at 30,000 would fall inside a surrogate pair.
    const pad = [0, 1, 2, 3, 4, 5].find((n) => {
      long.deviation = `${'x'.repeat(n)}${'偏差说明𠀀'.repeat(12_000)}`;
      const code = JSON.stringify({ projects: [long] }).charCodeAt(29_999);
      return code >= 0xd800 && code <= 0xdbff;
    });
    expect(pad).toBeDefined();
    const doc = sampleWith({ projects: [long] });
    const back = await importXlsx(formSet, await exportXlsx(formSet, doc));
    if (!back.ok) throw new Error(back.message);
    expect(back.document.performance).toEqual(doc.performance);
  });
});
