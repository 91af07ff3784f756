import { formSetFor, listProfiles, type FormSet } from '../../src-core';

/**
 * The profile a `--to`/`--profile` argument names, as `标识@年度` or just `标识` when only one year of it exists; or
 * the Chinese message listing the profiles there are. One reading for every command that takes a profile.
 */
export function profileFromArg(wanted: string): { formSet: FormSet } | { message: string } {
  const [id, year] = wanted.split('@');
  const match = listProfiles().filter((p) => p.id === id && (year === undefined || String(p.year) === year));
  const only = match.length === 1 ? match[0] : undefined;
  if (!only)
    return {
      message: `没有表样“${wanted}”。可用：${listProfiles()
        .map((p) => `${p.id}@${p.year}`)
        .join('、')}`,
    };
  const formSet = formSetFor(only.year, only.id);
  return formSet ? { formSet } : { message: `表样“${wanted}”无法载入。` };
}
