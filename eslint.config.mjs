// Lint the TypeScript sources and scripts. Kept minimal on purpose: its first job is to keep
// our own regular expressions free of super-linear backtracking (minutes are untrusted input).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.cache/', '.vscode-test/', 'test/fixtures/', 'test/vscode/fixtures/'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // The core is pure: whatever it needs from outside comes through Services (core/services.ts),
    // so the same rules run in the CLI, the language server, a Web Worker and the tests.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'The core does not touch the machine: ask for it through Services.' },
          { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The core knows no editor or protocol.' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/client/**'], message: 'Hosts depend on the core, never the reverse.' },
        ],
      }],
    },
  },
);
