// An installed CLI (`npm install -g`, or `npm ci --omit=dev` on a server) has the package's dependencies and no
// devDependencies: every package the built CLI imports at run time — `gongkai export --pdf` drives Chromium with
// playwright-core — must therefore be a dependency, or the command fails on a real install though it works here.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/** The package each bare specifier the built files import names (`echarts/core` → `echarts`). */
function importedPackages(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'.][^"']*)["']/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      const parts = spec.split('/');
      found.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string));
    }
  }
  return found;
}

describe('the built CLI', () => {
  it('imports at run time only packages that are dependencies (playwright-core for export --pdf)', () => {
    const used = importedPackages(path.join(ROOT, 'out', 'cli'));
    expect(used.has('playwright-core')).toBe(true); // the scan sees the import it is about
    // xlsx is src-core's own writer and reader (fflate, bundled in): exceljs is a test tool only.
    expect(used.has('exceljs')).toBe(false);
    const missing = [...used].filter((p) => !(p in pkg.dependencies));
    expect(missing).toEqual([]);
  });
});
