import { describe, expect, it } from 'vitest';
import { formYears } from '../../../templates';
import { loadFormSet } from '../form-set';

describe('the publication template', () => {
  it('a named quantity written in broken notation is reported when the forms load, naming it', () => {
    const raw = formYears[0];
    if (!raw) throw new Error('no forms');
    const broken = {
      ...raw,
      publication: {
        ...(raw.publication as object),
        metrics: { ...(raw.publication as { metrics: object }).metrics, 本年收入合计: '公开01表[[3栏' },
      },
    };
    expect(() => loadFormSet(broken)).toThrow(/公开文本模板 metrics\.本年收入合计：/);
    expect(() => loadFormSet(raw)).not.toThrow();
  });
});
