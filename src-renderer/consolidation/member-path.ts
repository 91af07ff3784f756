/**
 * A member's path as a 汇总 file stores it: relative to the folder of the 汇总 file, with `/` (the main process
 * resolves it next to the file again), so a department folder moved or copied to another PC still opens. A member
 * on another drive, or a bare name (as a browser gives), is kept as it is.
 */
export function memberPathFor(departmentFile: string | null, member: string): string {
  if (departmentFile === null) return member;
  const win = isWindows(departmentFile);
  if (win !== isWindows(member) || !isAbsolute(member, win) || !isAbsolute(departmentFile, win))
    return member;
  const parts = (p: string) => p.split(win ? /[\\/]+/ : /\/+/);
  const from = parts(departmentFile).slice(0, -1);
  const to = parts(member);
  // Windows compares names without case, as its file system does.
  const same = (a: string, b: string) => (win ? a.toLowerCase() === b.toLowerCase() : a === b);
  if (!same(from[0] as string, to[0] as string)) return member;
  let k = 0;
  while (k < from.length && k < to.length - 1 && same(from[k] as string, to[k] as string)) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

function isWindows(p: string): boolean {
  return /^[a-z]:/i.test(p) || p.startsWith('\\\\');
}

function isAbsolute(p: string, win: boolean): boolean {
  return win ? /^[a-z]:[\\/]/i.test(p) : p.startsWith('/');
}
