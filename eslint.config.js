import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

import { builtinModules } from 'node:module';

// Exact names (a glob like 'events' would also match a local './events' module).
const nodeBuiltinPaths = (message) => builtinModules.map((name) => ({ name, message }));
const nodePattern = (message) => ({ group: ['node:*', 'fs/*'], message });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'docs/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine, shared code, server and CLI run in plain Node: importing `electron` would trigger its download.
    files: [
      'electron/engine/**',
      'electron/shared/**',
      'electron/server/**',
      'electron/cli/**',
      'tests/**',
      'scripts/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
        },
      ],
    },
  },
  {
    // Shared code and the renderer must not depend on Node: they run in a sandboxed browser page.
    files: ['renderer/**', 'electron/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the engine only through the API client.' },
            ...nodeBuiltinPaths('Node built-ins are not available in the renderer or shared code.'),
          ],
          patterns: [nodePattern('Node built-ins are not available in the renderer or shared code.')],
        },
      ],
    },
  },
  {
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Shared code runs everywhere.' },
            ...nodeBuiltinPaths('Shared code imports neither Node nor the DOM.'),
          ],
          patterns: [
            nodePattern('Shared code imports neither Node nor the DOM.'),
            {
              group: ['**/engine/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'Shared code depends on nothing app-specific.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', '*.config.*', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
