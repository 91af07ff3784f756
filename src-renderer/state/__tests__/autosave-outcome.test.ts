// Issue 12.7: a full disk stopped autosave with no word. The store now shows a failed autosave in the status bar and
// as a warning naming the document and the reason, and says so when autosave works again.
import { describe, expect, it } from 'vitest';
import { loadSample } from '../../../src-core/engine/__tests__/helpers';
import { EditorStore } from '../editor-store';

const FULL_DISK = '磁盘空间不足，无法写入“recovery.json”。';

describe('autosave failures are shown, not swallowed', () => {
  it('a failed autosave warns, naming the document and why; the status bar keeps it until one succeeds', () => {
    const store = new EditorStore(loadSample(), {
      filePath: '/文档/汉阳.gongkai.json',
      fileName: '汉阳.gongkai.json',
    });
    store.setAutosaveOutcome({ ok: false, message: FULL_DISK });
    expect(store.notice?.kind).toBe('warning');
    expect(store.notice?.text).toContain('汉阳.gongkai.json');
    expect(store.notice?.text).toContain('磁盘空间不足');
    expect(store.autosaveProblem).toContain('自动保存失败');
    // The retry fails too: still shown, even after the warning was dismissed.
    store.dismissNotice();
    store.setAutosaveOutcome({ ok: false, message: FULL_DISK });
    expect(store.autosaveProblem).toContain('自动保存失败');
    expect(store.notice?.kind).toBe('warning');
    // Room again: the badge goes and the user is told.
    store.setAutosaveOutcome({ ok: true });
    expect(store.autosaveProblem).toBeNull();
    expect(store.notice?.text).toContain('自动保存已恢复');
  });

  it('a working autosave says nothing', () => {
    const store = new EditorStore(loadSample(), { filePath: null, fileName: '汉阳.gongkai.json' });
    store.setAutosaveOutcome({ ok: true });
    expect(store.notice).toBeNull();
    expect(store.autosaveProblem).toBeNull();
  });
});
