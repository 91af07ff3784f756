// Builds the command-line tool (src-main/cli) to plain JavaScript in out/cli, which bin/gongkai.mjs runs: no
// TypeScript loader at run time. Each command's import() becomes a chunk of its own, and modules whose exports a
// command does not use are left out of its chunks (no module here has import-time side effects another relies on),
// so `gongkai check` loads neither the xlsx code, echarts, docx nor playwright-core. zod and decimal.js are bundled in:
// one file parses faster than zod's hundred modules. Packages only some commands need stay external.
// The output is minified and the templates' JSON is kept as JSON text (JSON.parse): Node compiles a command's chunks
// on every run, and both cut what it has to read (`npm run bench` measures `gongkai check` start to exit).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const CLI_OUT_DIR = path.join(root, 'out', 'cli');
/** What the build read, with its modification times: bin/gongkai.mjs rebuilds when a source is newer. */
export const CLI_INPUTS_FILE = 'inputs.json';

/** JSON modules as `JSON.parse('…')`: V8 reads JSON text several times faster than the same object as a literal. */
function jsonAsText() {
  return {
    name: 'json-as-text',
    load(id) {
      if (!id.endsWith('.json')) return null;
      const text = JSON.stringify(JSON.parse(fs.readFileSync(id, 'utf8')));
      return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js' };
    },
  };
}

const external = /^(node:|docx|echarts|playwright-core|hyperformula|electron)(\/|$)/;

/** Builds into a fresh directory and swaps it in, so a CLI started meanwhile never sees half a build. */
export async function buildCli() {
  const { build } = await import('rolldown');
  // A source saved while the build runs must count as newer than the build.
  const startedAt = Date.now();
  const temp = `${CLI_OUT_DIR}.build-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  const result = await build({
    input: { main: path.join(root, 'src-main/cli/main.ts') },
    platform: 'node',
    cwd: root,
    external: (id) => external.test(id),
    treeshake: { moduleSideEffects: false },
    plugins: [jsonAsText()],
    output: { dir: temp, format: 'esm', chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    logLevel: 'warn',
    write: true,
  });
  const inputs = [...new Set(result.output.flatMap((o) => (o.type === 'chunk' ? o.moduleIds : [])))].filter(
    (id) => path.isAbsolute(id) && !id.includes(`${path.sep}node_modules${path.sep}`),
  );
  fs.writeFileSync(
    path.join(temp, CLI_INPUTS_FILE),
    JSON.stringify({ builtAt: startedAt, inputs: inputs.map((f) => path.relative(root, f)) }),
  );
  const old = `${CLI_OUT_DIR}.old-${process.pid}`;
  if (fs.existsSync(CLI_OUT_DIR)) fs.renameSync(CLI_OUT_DIR, old);
  fs.renameSync(temp, CLI_OUT_DIR);
  fs.rmSync(old, { recursive: true, force: true });
}

/** True when out/cli is missing or a source it was built from changed since. */
export function cliBuildIsStale() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(CLI_OUT_DIR, CLI_INPUTS_FILE), 'utf8'));
  } catch {
    return true;
  }
  return manifest.inputs.some((f) => {
    try {
      return fs.statSync(path.join(root, f)).mtimeMs > manifest.builtAt;
    } catch {
      return true;
    }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
