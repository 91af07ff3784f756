import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { shanghaiWorkbook } from '../../../src-core/export/__tests__/shanghai-fixture';
import { formSetFor, listProfiles } from '../../../src-core';
import { main } from '../main';

// A third profile is added exactly as templates/README.md says: its folder (here a copy of the 上海 2024 one under a
// new id and year) and one line in templates/index.ts. The test does both in a copy of templates/ and lets the app
// load that registry instead of the shipped one; no other file may need to change for it.
vi.mock(import('../../../templates'), async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const shipped = path.resolve(__dirname, '../../../templates');
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-third-profile-')), 'templates');
  fs.cpSync(shipped, copy, { recursive: true });
  // The folder: the 上海 one under a new id, year and name.
  const folder = path.join(copy, 'example-2025');
  fs.cpSync(path.join(copy, 'shanghai-2024'), folder, { recursive: true });
  const index = path.join(folder, 'index.ts');
  const before = fs.readFileSync(index, 'utf8');
  const after = before
    .replace("id: 'shanghai'", "id: 'example'")
    .replace('year: 2024', 'year: 2025')
    .replace(/name: '[^']*'/, "name: '示例省 2025 年度（测试用）'");
  if (after.split('\n').filter((l, i) => l !== before.split('\n')[i]).length !== 3)
    throw new Error('the copied index.ts no longer has the id/year/name lines this test rewrites');
  fs.writeFileSync(index, after);
  // The one line in the registry.
  const registry = path.join(copy, 'index.ts');
  const lines = fs.readFileSync(registry, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('export const profiles'));
  lines.splice(at, 1, lines[at]!.replace(/\];$/, ', example2025];'));
  lines.splice(at - 1, 0, "import { profile as example2025 } from './example-2025';");
  fs.writeFileSync(registry, lines.join('\n'));
  return import(/* @vite-ignore */ registry);
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('a third profile is a folder plus one line in templates/index.ts', () => {
  it(
    'loads, is listed by gongkai profiles, and a document of it imports, checks, exports and reads back as it',
    { timeout: 180_000 },
    async () => {
      expect(listProfiles().map((p) => `${p.id}@${p.year}`)).toEqual([
        'national@2023',
        'national@2024',
        'shanghai@2024',
        'example@2025',
      ]);
      // It loads through the same contract check as a shipped profile (its correspondence with national@2023 too).
      expect(formSetFor(2025, 'example')?.tables.length).toBe(9);
      const listed = await run(['profiles']);
      expect(listed.code).toBe(0);
      expect(listed.out).toContain('example@2025\t示例省 2025 年度（测试用）');

      const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-third-'));
      writeFileSync(path.join(dir, 'filled.xlsx'), await shanghaiWorkbook());
      const doc = path.join(dir, 'doc.gongkai.json');
      const imported = await run([
        'import',
        path.join(dir, 'filled.xlsx'),
        '--profile',
        'example@2025',
        '--out',
        doc,
      ]);
      expect(imported.err).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.out).toContain('表样 example@2025');
      expect((JSON.parse(readFileSync(doc, 'utf8')) as { profile: unknown }).profile).toEqual({
        id: 'example',
        year: 2025,
      });
      const checked = await run(['check', doc]);
      expect(checked.code).toBe(0);
      expect(checked.out).toContain('0 个错误');

      const xlsx = path.join(dir, 'out.xlsx');
      const pdf = path.join(dir, 'out.pdf');
      const exported = await run(['export', doc, '--xlsx', xlsx, '--pdf', pdf]);
      expect(exported.err).toBe('');
      expect(exported.code).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The exported workbook names its profile, so it reads back as the third profile without --profile.
      const back = path.join(dir, 'back.gongkai.json');
      const again = await run(['import', xlsx, '--out', back]);
      expect(again.code).toBe(0);
      expect(again.out).toContain('表样 example@2025');
      expect(JSON.parse(readFileSync(back, 'utf8')).tables).toEqual(
        JSON.parse(readFileSync(doc, 'utf8')).tables,
      );

      // 转换表样 reaches it through its own correspondence file.
      const sample = path.resolve(__dirname, '../../../samples/hanyang-media-center-2023.gongkai.json');
      const converted = path.join(dir, 'converted.gongkai.json');
      const conv = await run(['convert-profile', sample, '--to', 'example@2025', '--out', converted]);
      expect(conv.code).toBe(0);
      expect(existsSync(converted)).toBe(true);
      expect((await run(['check', converted])).out).toContain('0 个错误');
    },
  );
});
