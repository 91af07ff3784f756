import { describe, expect, it } from 'vitest';
import { parseRecoverySnapshot } from '../recovery-snapshot';

describe('the autosave snapshot as stored', () => {
  it('reads a whole snapshot', () => {
    const snap = { text: '{}', filePath: null, fileName: '示例.gongkai.json', at: '2026-11-25T10:00:00Z' };
    expect(parseRecoverySnapshot(JSON.stringify(snap))).toEqual(snap);
  });

  it('a cut, damaged or foreign snapshot is nothing to restore, not a crash', () => {
    for (const stored of [
      '{"text": "{}", "fileN',
      'null',
      '[]',
      '{"text": 5, "filePath": null, "fileName": "a", "at": ""}',
    ])
      expect(parseRecoverySnapshot(stored)).toBeNull();
  });
});
