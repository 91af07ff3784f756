import { describe, expect, it } from 'vitest';
import { formatDateTimeZh } from '../format-date';

describe('formatDateTimeZh', () => {
  it('writes the date in Chinese with a 24-hour time, whatever the machine’s locale', () => {
    expect(formatDateTimeZh(new Date(2026, 11, 2, 13, 5, 59))).toBe('2026年12月2日 13:05');
    expect(formatDateTimeZh(new Date(2027, 0, 9, 8, 0))).toBe('2027年1月9日 08:00');
  });

  it('says an unreadable time is unknown instead of “Invalid Date”', () => {
    expect(formatDateTimeZh('not a time')).toBe('（时间不明）');
  });
});
