import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The repo's own lint config, run on code as if it sat at `file`: the rules that fired. */
async function rulesFor(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../..') });
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers by allow-list (eslint/layers.js)', () => {
  it('lets a module import the layers below it', async () => {
    expect(
      await rulesFor(
        'src-core/publication/probe.ts',
        "import { Workbook } from '../engine';\nexport const w = Workbook;\n",
      ),
    ).toEqual([]);
  });

  it('refuses an import of a higher layer, naming the layers', async () => {
    const found = await rulesFor(
      'src-core/catalog/probe.ts',
      "import { loadXlsxSheets } from '../export/load-xlsx';\nexport const l = loadXlsxSheets;\n",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('src-core/catalog may not import src-core/export');
  });

  it('keeps the checks in order: publication may not import evaluation', async () => {
    const found = await rulesFor(
      'src-core/publication/probe.ts',
      "import { checkPerformance } from '../evaluation';\nexport const c = checkPerformance;\n",
    );
    expect(found.join('\n')).toContain('src-core/publication may not import src-core/evaluation');
  });

  it('refuses a folder that is in no layer', async () => {
    const found = await rulesFor('src-core/newthing/probe.ts', "export { Decimal } from '../money';\n");
    expect(found.join('\n')).toContain('src-core/newthing is in no layer');
  });

  it('keeps every Node module and global out of src-core and the renderer', async () => {
    const core = await rulesFor(
      'src-core/money/probe.ts',
      "import { inspect } from 'node:util';\nimport { EventEmitter } from 'events';\nexport const a = [inspect, EventEmitter, globalThis.process];\n",
    );
    expect(core.filter((m) => m.startsWith('no-restricted-imports'))).toHaveLength(2);
    expect(core.some((m) => m.startsWith('no-restricted-syntax'))).toBe(true);
    const renderer = await rulesFor('src-renderer/probe.ts', 'export const mode = process.env.NODE_ENV;\n');
    expect(renderer.some((m) => m.startsWith('no-restricted-globals'))).toBe(true);
  });

  it('refuses the browser’s confirm/alert/prompt in the renderer, however it is reached', async () => {
    const found = await rulesFor(
      'src-renderer/panels/probe.tsx',
      "export const a = [confirm('删除？'), window.alert('x'), globalThis.prompt('名称'), self.confirm];\n",
    );
    expect(found.filter((m) => m.includes('store.ask'))).toHaveLength(4);
    const plain = await rulesFor(
      'src-renderer/panels/probe.tsx',
      "export const asked = { confirm: 'x' }.confirm;\n",
    );
    expect(plain).toEqual([]);
  });
});
