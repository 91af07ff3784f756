import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shanghaiWorkbook } from '../../../src-core/export/__tests__/shanghai-fixture';
import { main } from '../main';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('gongkai profiles and gongkai import', () => {
  it('lists the profiles', async () => {
    const r = await run(['profiles']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('national@2023');
    expect(r.out).toContain('shanghai@2024');
  });

  it('imports a hand-filled 上海 workbook as a 上海 document; one with an unreadable table writes nothing, exit 2', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-import-'));
    writeFileSync(path.join(dir, 'sh.xlsx'), await shanghaiWorkbook());
    const ok = await run(['import', path.join(dir, 'sh.xlsx'), '--out', path.join(dir, 'sh.gongkai.json')]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('shanghai@2024');
    const doc = JSON.parse(readFileSync(path.join(dir, 'sh.gongkai.json'), 'utf8')) as { profile: unknown };
    expect(doc.profile).toEqual({ id: 'shanghai', year: 2024 });
    const check = await run(['check', path.join(dir, 'sh.gongkai.json')]);
    expect(check.code).toBe(0);
    expect(check.out).toContain('0 个错误');

    writeFileSync(path.join(dir, 'bad.xlsx'), await shanghaiWorkbook({ breakTable5: true }));
    const bad = await run([
      'import',
      path.join(dir, 'bad.xlsx'),
      '--out',
      path.join(dir, 'bad.gongkai.json'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('表五 一般公共预算财政拨款支出决算表');
    expect(existsSync(path.join(dir, 'bad.gongkai.json'))).toBe(false);
    expect((await run(['check', path.join(dir, 'bad.xlsx')])).code).toBe(2);
  });
});
