// Layers are enforced here, not by habit (ARCHITECTURE.md at the repo root describes them):
// src-core is headless, and inside it each module imports only what its layer allows (eslint/layers.js);
// src-renderer never reaches Electron or Node; src-main never reaches the UI.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './eslint/layers.js';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'ag-grid-community', 'ag-grid-*'];
/** Every Node built-in module, under both spellings (events, node:events, fs/promises …): none is allowed. */
const nodeBuiltins = [...builtinModules.flatMap((m) => [m, `${m}/*`]), 'node:*'];
/** Node's globals, and the ways around the ban (globalThis.process, window.require …). */
const nodeGlobals = ['process', 'require', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate'];
const nodeGlobalsViaObject = {
  selector: `MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(${nodeGlobals.join('|')})$/]`,
  message: 'No Node globals here, not even through globalThis or window.',
};

/**
 * The browser's own confirm/alert/prompt: English buttons (OK/Cancel) in some systems, a blocked page, no Esc
 * handling of ours — every question goes through the app's dialog (EditorStore.ask) instead.
 */
const browserDialogs = ['confirm', 'alert', 'prompt'];
const browserDialogMessage =
  'Ask in the app’s own dialog (store.ask), not the browser’s confirm/alert/prompt.';
// Every button of the app is an action of the table (src-core/actions), drawn by src-renderer/actions/ActionButton.
const bareButton = {
  selector: "JSXOpeningElement[name.name='button']",
  message: 'Use <ActionButton action="…">: every button performs an action of the table (src-core/actions).',
};
const browserDialogsViaObject = {
  selector: `MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=/^(${browserDialogs.join('|')})$/]`,
  message: browserDialogMessage,
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test/artifacts', 'coverage', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-core/**/*.ts'],
    ignores: ['src-core/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src-core is headless: no Electron.' },
            { group: uiPackages, message: 'src-core is headless: no UI libraries.' },
            { group: nodeBuiltins, message: 'src-core runs in the browser too: no Node APIs.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-core imports no upper layer.' },
            {
              regex: '^zod(/.*)?$',
              message:
                'src-core takes zod from src-core/zod.ts, which configures it before any schema is built.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'self',
        'globalThis',
        ...nodeGlobals,
      ],
      'no-restricted-syntax': ['error', nodeGlobalsViaObject],
    },
  },
  {
    // The one module that imports zod itself, to configure it (see its comment).
    files: ['src-core/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-core/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the outside only through Host.',
            },
            { group: nodeBuiltins, message: 'The renderer has no Node APIs.' },
            { group: ['**/src-main/**'], message: 'The renderer never imports the main process.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...nodeGlobals,
        ...browserDialogs.map((name) => ({ name, message: browserDialogMessage })),
      ],
      'no-restricted-syntax': ['error', nodeGlobalsViaObject, browserDialogsViaObject, bareButton],
    },
  },
  {
    // The one place a <button> is written.
    files: ['src-renderer/actions/ActionButton.tsx'],
    rules: { 'no-restricted-syntax': ['error', nodeGlobalsViaObject, browserDialogsViaObject] },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiPackages, message: 'The main process has no UI libraries.' },
            { group: ['**/src-renderer/**'], message: 'The main process never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
