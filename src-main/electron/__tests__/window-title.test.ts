import { describe, expect, it } from 'vitest';
import { formatWindowTitle } from '../window-title';

describe('formatWindowTitle', () => {
  it('puts the document first and the app name last', () => {
    expect(formatWindowTitle({ title: '汉阳区融媒体中心.gongkai.json', dirty: false })).toBe(
      '汉阳区融媒体中心.gongkai.json — 决算公开表编辑器',
    );
  });

  it('marks unsaved changes right after the name', () => {
    expect(formatWindowTitle({ title: '报表', dirty: true })).toBe('报表 • — 决算公开表编辑器');
  });

  it('shows just the app name without a document title', () => {
    expect(formatWindowTitle({ title: '', dirty: false })).toBe('决算公开表编辑器');
    expect(formatWindowTitle({ title: '   ', dirty: true })).toBe('• — 决算公开表编辑器');
  });

  it('keeps control characters out of the native title bar', () => {
    expect(formatWindowTitle({ title: 'a\nb\u0007', dirty: false })).toBe('a b — 决算公开表编辑器');
  });
});
