import { describe, expect, it } from 'vitest';
import { toleranceFor } from '../tolerance';

const doc = (ruleTolerance?: Record<string, string>) => ({ settings: { tolerance: '0.01', ruleTolerance } });

describe('toleranceFor', () => {
  it("uses a rule's own 规则容差 where the document sets one, else the document's 尾数容差", () => {
    const d = doc({ 't03-row': '0.05' });
    expect(toleranceFor(d, 't03-row').toFixed()).toBe('0.05');
    expect(toleranceFor(d, 't02-col').toFixed()).toBe('0.01');
    expect(toleranceFor(d).toFixed()).toBe('0.01');
    expect(toleranceFor(doc(), 't03-row').toFixed()).toBe('0.01');
  });

  it('does not take an inherited property for a rule id', () => {
    expect(toleranceFor(doc({}), 'constructor').toFixed()).toBe('0.01');
  });
});
