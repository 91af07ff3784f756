// Layers are enforced here, not by habit (see ARCHITECTURE.md):
// src-core is headless; src-renderer never reaches Electron or Node; src-main never reaches the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiPackages = ['react', 'react-dom', 'react-dom/*', 'ag-grid-community', 'ag-grid-react', 'ag-grid-*'];
const nodeBuiltins = [
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'stream',
  'zlib',
  'worker_threads',
];

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
            {
              group: nodeBuiltins.flatMap((m) => [m, `node:${m}`]),
              message: 'src-core runs in the browser too: no Node APIs.',
            },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-core imports no upper layer.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the outside only through Host.',
            },
            {
              group: nodeBuiltins.flatMap((m) => [m, `node:${m}`]),
              message: 'The renderer has no Node APIs.',
            },
            { group: ['**/src-main/**'], message: 'The renderer never imports the main process.' },
          ],
        },
      ],
    },
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
