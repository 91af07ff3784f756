/**
 * A moment as Chinese users read it, the same on every machine: 2026年12月2日 13:05 (local time). Not
 * toLocaleString: its output follows the system's ICU data and settings (an English Windows gives “12/2/2026,
 * 1:05:00 PM”, some builds ignore 'zh-CN'), and a date in the app must not change language with the machine.
 * An unreadable time says so instead of “Invalid Date”.
 */
export function formatDateTimeZh(at: string | number | Date): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '（时间不明）';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${two(d.getHours())}:${two(d.getMinutes())}`;
}
