// Lint the TypeScript sources and scripts. Kept minimal on purpose: its first job is to keep
// our own regular expressions free of super-linear backtracking (minutes are untrusted input).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

/** Imports of the machine (the core asks Services; online look-ups use fetch) and of an editor or its protocol library. */
const MACHINE = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'];
const EDITOR_LIBRARIES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'];

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
          { group: MACHINE, message: 'The core does not touch the machine: ask for it through Services.' },
          { group: EDITOR_LIBRARIES, message: 'The core knows no editor or protocol.' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/client/**'], message: 'Hosts depend on the core, never the reverse.' },
          // server/src/protocol and server/src/online, out of the core (rules/link/online.ts is the core's own).
          { regex: '^(?:\\.\\./)+(?:protocol|online)(?:/|$)', message: 'Hosts depend on the core, never the reverse.' },
        ],
      }],
    },
  },
  {
    // What client and server say to each other, in one place that both import: names and plain
    // types, nothing that runs, so the client bundles none of the server's libraries for it.
    files: ['server/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^[^.]', message: 'The protocol is plain TypeScript: no package, not even for a type.' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/browser/**', '**/online/**', '**/client/**'], message: 'The protocol depends on no host.' },
          { group: ['**/core', '**/core/**'], allowTypeImports: true, message: 'The protocol takes only types from the core (import type).' },
        ],
      }],
    },
  },
  {
    // Online look-ups run in the CLI, the server and both VS Code clients: fetch only. How answers
    // are kept is each host's (fileStore.ts is the Node hosts' file).
    files: ['server/src/online/**/*.ts'],
    ignores: ['server/src/online/fileStore.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: MACHINE, message: 'Online look-ups run in a browser too: fetch, no Node.' },
          { group: EDITOR_LIBRARIES, message: 'Online look-ups know no editor or protocol library.' },
          { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/browser/**', '**/client/**'], message: 'Hosts use the online look-ups, never the reverse.' },
        ],
      }],
    },
  },
  {
    // The client asks the server (the protocol module) and takes a few pure helpers from the
    // core's index (messages, dates, the built-in templates' names, paths, UTF-8): nothing of
    // the server's own code, so the two stay apart and the client's bundle stays small.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          {
            group: ['**/server/src/*', '**/server/src/*/**', '!**/server/src/protocol', '!**/server/src/protocol/**', '!**/server/src/core', '!**/server/src/online', '!**/server/src/online/fileStore'],
            message: 'The client imports from the server only server/src/protocol, the core\'s index (server/src/core) and the online look-ups (server/src/online).',
          },
          { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'The client speaks LSP through vscode-languageclient; method names and types are in server/src/protocol.' },
        ],
      }],
    },
  },
);
