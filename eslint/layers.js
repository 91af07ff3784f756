// The layers of src-core by allow-list, as VS Code's code-layering rule does it: each module (a folder of src-core,
// or a file at its top) names the modules it may import, and anything else is an error. A new module must be added
// here, in its layer, before it can be imported — the order is a decision, not an accident. See ARCHITECTURE.md.
import path from 'node:path';

/** Lowest first. A module may import the modules of lower layers and those listed beside it in its own layer. */
const kernel = {
  /** zod, configured before any schema is built (src-core/zod.ts). */
  zod: [],
  money: [],
  formula: ['money'],
  catalog: ['money'],
  template: ['zod', 'money', 'formula', 'catalog'],
  document: ['zod', 'money', 'formula', 'catalog', 'template'],
  /** The renderer's one contract with its host: types only. */
  host: ['money', 'document'],
  /** Every action's id, label, keys and menu place, for the renderer and the Electron menu alike. */
  actions: ['host'],
  /** The profiles shipped with the app (templates/), loaded and checked. */
  'builtin-forms': ['money', 'formula', 'catalog', 'template', 'document'],
};
const engine = {
  engine: [],
  layout: ['engine'],
  rounding: ['engine'],
  session: ['engine'],
  /** 汇总: a 主管部门's document from its units' documents. */
  consolidation: ['engine'],
};
const checks = {
  publication: [],
  evaluation: ['publication'],
  /** 审核: every check of the whole document together. */
  audit: ['publication', 'evaluation'],
};
const output = { export: [] };
/** Commands decide an edit or an output for the UI and the CLI alike: they may use everything below. */
const commands = { commands: [] };
/** The public entry re-exports every module. */
const entry = { index: null };

export const LAYERS = [
  ['kernel', kernel],
  ['engine', engine],
  ['checks', checks],
  ['export', output],
  ['commands', commands],
  ['entry', entry],
];

/** Module name → the modules it may import (null: any). */
function allowLists() {
  const out = new Map();
  const below = [];
  for (const [, modules] of LAYERS) {
    for (const [name, peers] of Object.entries(modules))
      out.set(name, peers === null ? null : [...below, ...peers]);
    below.push(...Object.keys(modules));
  }
  return out;
}

const ALLOWED = allowLists();

/** The src-core module a file belongs to: its top folder, or its own name for a file at the top. */
function moduleOf(file, coreRoot) {
  const rel = path.relative(coreRoot, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length === 0 ? first.replace(/\.tsx?$/, '') : first;
}

export const layersPlugin = {
  rules: {
    'allowed-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'src-core modules import only what their layer allows' },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const coreRoot = path.join(context.cwd, 'src-core');
        const from = moduleOf(file, coreRoot);
        if (from === undefined || /[\\/]__tests__[\\/]/.test(file)) return {};
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const target = path.resolve(path.dirname(file), spec);
          const to = moduleOf(target, coreRoot);
          // Data outside src-core (templates/*.json) is read through the template loader's checks.
          if (to === undefined || to === from) return;
          const allowed = ALLOWED.get(from);
          if (allowed === undefined) {
            context.report({
              node: node.source,
              message: `src-core/${from} is in no layer: add it to eslint/layers.js (see ARCHITECTURE.md).`,
            });
            return;
          }
          if (allowed !== null && !allowed.includes(to))
            context.report({
              node: node.source,
              message: `src-core/${from} may not import src-core/${to}: the layers are ${LAYERS.map(([n]) => n).join(' → ')}, and ${from} may import ${allowed.length > 0 ? `only ${allowed.join(', ')}` : 'no other src-core module'} (eslint/layers.js, ARCHITECTURE.md).`,
            });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
