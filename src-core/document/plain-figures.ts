/**
 * The figures of a member file (what a 汇总 reads: format, version, unit, settings, tables, catalog, member list)
 * checked by hand in the shape the app itself writes, and copied as zod's figures schema would return them (only
 * the known keys). Anything that does not fit exactly gives undefined and the zod schema reads it instead, so
 * every message about a bad file still comes from there; this only saves validating a thousand good members.
 */
export function plainFigures(data: Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return copyFigures(data);
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}

class NotPlain extends Error {}

const AMOUNT = /^-?\d{1,15}(\.\d{1,8})?$/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
const PROFILE_ID = /^[a-z][a-z0-9-]*$/;
const DATE = /^(\d{4}-\d{2}-\d{2})?$/;

function fail(): never {
  throw new NotPlain();
}

function object(v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail();
  return v as Record<string, unknown>;
}

function string(v: unknown, pattern?: RegExp): string {
  if (typeof v !== 'string' || (pattern && !pattern.test(v))) fail();
  return v;
}

function int(v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) fail();
  return v;
}

/** A record's entries; a `__proto__` key (which a plain object cannot copy as data) is left to zod. */
function entries(v: unknown): [string, unknown][] {
  const list = Object.entries(object(v));
  for (const [k] of list) if (k === '__proto__') fail();
  return list;
}

function record<T>(v: unknown, each: (x: unknown) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [k, x] of entries(v)) out[k] = each(x);
  return out;
}

function copyFigures(data: Record<string, unknown>): Record<string, unknown> {
  if (data.format !== 'gongkai') fail();
  const out: Record<string, unknown> = {
    format: 'gongkai',
    version: int(data.version, 1, Number.MAX_SAFE_INTEGER),
    formYear: int(data.formYear, 2000, 2100),
  };
  if (data.profile !== undefined) {
    const p = object(data.profile);
    out.profile = {
      id: string(p.id, PROFILE_ID),
      year: int(p.year, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    };
  }
  const u = object(data.unit);
  const moneyUnit = string(u.moneyUnit);
  if (moneyUnit !== '万元' && moneyUnit !== '元') fail();
  out.unit = {
    name: string(u.name),
    year: int(u.year, 2000, 2100),
    moneyUnit,
    publishDate: string(u.publishDate, DATE),
    phone: string(u.phone),
  };
  const s = object(data.settings);
  out.settings = {
    tolerance: string(s.tolerance, AMOUNT),
    ...(s.ruleTolerance !== undefined
      ? { ruleTolerance: record(s.ruleTolerance, (x) => string(x, AMOUNT)) }
      : {}),
  };
  out.tables = record(data.tables, (x) => {
    const t = object(x);
    const rows =
      t.rows === undefined
        ? undefined
        : (Array.isArray(t.rows) ? t.rows : fail()).map((r: unknown) => {
            const row = object(r);
            return { code: string(row.code, CODE), name: string(row.name) };
          });
    return {
      ...(rows !== undefined ? { rows } : {}),
      values: record(t.values, (cols) => record(cols, (v) => string(v))),
      ...(t.note !== undefined ? { note: string(t.note) } : {}),
    };
  });
  if (data.catalog !== undefined) {
    const c = object(data.catalog);
    if (typeof c.replace !== 'boolean' || !Array.isArray(c.entries)) fail();
    out.catalog = {
      replace: c.replace,
      entries: c.entries.map((e: unknown) => {
        const entry = object(e);
        const name = string(entry.name);
        if (name.length === 0) fail();
        return { code: string(entry.code, CODE), name };
      }),
    };
  }
  if (data.consolidation !== undefined) {
    const m = object(data.consolidation).members;
    if (!Array.isArray(m)) fail();
    out.consolidation = { members: m.map((x: unknown) => (string(x).length > 0 ? x : fail())) };
  }
  return out;
}
