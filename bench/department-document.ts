// A generated department-scale document: 1,500 项 rows per scale step in each of 公开02/03/05 and every table
// consistent, for benchmarks and load tests. Deterministic (seeded).
import { newDocument, type ClassRow, type FormSet, type GongkaiDocument } from '../src-core';
import { Decimal } from '../src-core/money';

/** 项 rows of the 1× department document (about a large 部门's 决算). */
export const DEPARTMENT_ITEMS = 1500;

export interface DepartmentOptions {
  /** 项 rows to generate; default DEPARTMENT_ITEMS × scale. */
  readonly items?: number;
  /** Multiple of the 1× department (1, 4, 16 in the bench); ignored when items is given. */
  readonly scale?: number;
  readonly seed?: number;
}

export function generateDepartmentDocument(
  formSet: FormSet,
  options: DepartmentOptions = {},
): GongkaiDocument {
  const items = options.items ?? DEPARTMENT_ITEMS * (options.scale ?? 1);
  let seed = options.seed ?? 20231231;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const classes = new Set(
    formSet.tableById
      .get('01')
      ?.blocks.flatMap((b) => b.rows ?? [])
      .map((r) => r.code)
      .filter((c): c is string => c !== undefined),
  );
  const kuan = formSet.catalog
    .entries()
    .filter((e) => e.code.length === 5 && classes.has(e.code.slice(0, 3)));
  // Past 99 项 under every 款 of the catalogue, further 款 codes not in it (named 测试科目…) take more 项.
  const known = new Set(kuan.map((e) => e.code));
  const moreKuan = [...classes].flatMap((c) =>
    Array.from({ length: 99 }, (_, i) => `${c}${String(i + 1).padStart(2, '0')}`).filter(
      (k) => !known.has(k),
    ),
  );
  const rows = new Map<string, ClassRow>();
  const name = (code: string) => formSet.catalog.nameOf(code) ?? `测试科目${code}`;
  let k = 0;
  const leaves: string[] = [];
  const catalogued = kuan.length * 99;
  while (leaves.length < items) {
    // The catalogue's 款 first, round-robin (the 1× document is the same as before), then the invented ones.
    const [parent, n] =
      k < catalogued
        ? [(kuan[k % kuan.length] as { code: string }).code, Math.floor(k / kuan.length) + 1]
        : [moreKuan[Math.floor((k - catalogued) / 99)], ((k - catalogued) % 99) + 1];
    k++;
    if (parent === undefined) throw new Error(`not enough codes for ${items} 项`);
    const code = `${parent}${String(n).padStart(2, '0')}`;
    leaves.push(code);
    for (const c of [code.slice(0, 3), code.slice(0, 5), code]) rows.set(c, { code: c, name: name(c) });
  }
  const rowList = [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const v03: Record<string, Record<string, string>> = {};
  const v02: Record<string, Record<string, string>> = {};
  let total = new Decimal(0);
  let basic = new Decimal(0);
  for (const code of leaves) {
    const b = new Decimal(Math.floor(rand() * 5_000_000)).div(100);
    const p = rand() < 0.4 ? new Decimal(Math.floor(rand() * 2_000_000)).div(100) : null;
    v03[code] = p ? { '2': b.toFixed(), '3': p.toFixed() } : { '2': b.toFixed() };
    const sum = p ? b.plus(p) : b;
    v02[code] = { '2': sum.toFixed() };
    total = total.plus(sum);
    basic = basic.plus(b);
  }
  const doc = newDocument(formSet.year, {
    name: '某区大型部门（测试）',
    publishDate: '2024-10-21',
    phone: '027-00000000',
  });
  return {
    ...doc,
    tables: {
      '01': { values: { '1': { '1': total.toFixed() } } },
      '02': { rows: rowList, values: v02 },
      '03': { rows: rowList, values: v03 },
      '05': { rows: rowList, values: v03 },
      '06': { values: { '30101': { '1': basic.toFixed() } } },
    },
  };
}
