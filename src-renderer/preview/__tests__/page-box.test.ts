import { describe, expect, it } from 'vitest';
import { cssLengthPx, pageSizePx, resolvePageBox, type PageRuleText } from '../page-box';

const rule = (name: string, size: string, margins: [string, string, string, string]): PageRuleText => ({
  name,
  size,
  marginTop: margins[0],
  marginRight: margins[1],
  marginBottom: margins[2],
  marginLeft: margins[3],
});

describe('page boxes from @page rules', () => {
  it('reads absolute lengths in px, and nothing else', () => {
    expect(cssLengthPx('25.4mm')).toBeCloseTo(96);
    expect(cssLengthPx('72pt')).toBeCloseTo(96);
    expect(cssLengthPx('1in')).toBe(96);
    expect(cssLengthPx('0')).toBe(0);
    expect(cssLengthPx('5%')).toBeNull();
    expect(cssLengthPx('auto')).toBeNull();
    expect(cssLengthPx('')).toBeNull();
  });

  it('reads sheet sizes, turned by portrait / landscape', () => {
    const a4 = pageSizePx('A4 portrait');
    expect(a4?.width).toBeCloseTo(793.7, 1);
    expect(a4?.height).toBeCloseTo(1122.52, 1);
    const land = pageSizePx('A4 landscape');
    expect(land?.width).toBeCloseTo(1122.52, 1);
    expect(pageSizePx('210mm 297mm landscape')?.width).toBeCloseTo(1122.52, 1);
    expect(pageSizePx('auto')).toBeNull();
    expect(pageSizePx('')).toBeNull();
  });

  it('gives a named page the default rule overridden by its own, in whole px as Chromium prints them', () => {
    const rules = [
      rule('', 'A4 portrait', ['37mm', '26mm', '35mm', '28mm']),
      rule('table-landscape', 'A4 landscape', ['15mm', '15mm', '16mm', '15mm']),
      rule('half', '', ['10mm', '', '', '']),
    ];
    // 1123 − 140 − 132 = 851 px of content, 794 − 106 − 98 = 590 px wide: the print's measured page.
    expect(resolvePageBox(rules, 'auto')).toEqual({
      width: 794,
      height: 1123,
      top: 140,
      right: 98,
      bottom: 132,
      left: 106,
    });
    expect(resolvePageBox(rules, 'table-landscape')).toEqual({
      width: 1123,
      height: 794,
      top: 57,
      right: 57,
      bottom: 60,
      left: 57,
    });
    // Only what the named rule says replaces the default's.
    expect(resolvePageBox(rules, 'half')).toMatchObject({ width: 794, top: 38, right: 98 });
    // A name without a rule is the default page.
    expect(resolvePageBox(rules, 'nowhere')).toEqual(resolvePageBox(rules, ''));
  });
});
