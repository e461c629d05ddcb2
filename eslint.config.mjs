// Lint the TypeScript sources and scripts. Kept minimal on purpose: its first job is to keep
// our own regular expressions free of super-linear backtracking (minutes are untrusted input).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const PURE_CORE = [
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'], message: 'The core does not touch the machine: ask for it through Services.' },
  { group: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'], message: 'The core knows no editor or protocol.' },
  { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/client/**'], message: 'Hosts depend on the core, never the reverse.' },
];

/** `no-restricted-imports` for files of the core: the pure core's patterns and a layer's own. */
function coreBoundary(files, layerPatterns) {
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [...PURE_CORE, ...layerPatterns] }] } };
}

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
  // The core is pure: whatever it needs from outside comes through Services (core/services.ts),
  // so the same rules run in the CLI, the language server, a Web Worker and the tests.
  coreBoundary('server/src/core/**/*.ts', []),
  // The core's layers, bottom up: text/ → model/ → templates/ → views/ → rules/. ESLint keeps one
  // set of options per rule and file, so each layer repeats the pure core's patterns.
  coreBoundary('server/src/core/text/**/*.ts', [
    { group: ['../*', '!../text', '!../text/**'], message: 'text/ holds plain-text helpers: it knows no document, template or rule.' },
  ]),
  coreBoundary('server/src/core/model/**/*.ts', [
    { group: ['**/templates/**', '**/views/**', '**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'], message: 'The model reads the text alone; a document read through a template is a view (core/views/).' },
  ]),
  coreBoundary('server/src/core/templates/**/*.ts', [
    { group: ['**/views/**', '**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'], message: 'templates/ is the format, the built-ins and detection; matching a document to a template is a view (core/views/).' },
  ]),
  coreBoundary('server/src/core/views/**/*.ts', [
    { group: ['**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'], message: 'Views sit below the rules and whatever reads them: rules read views, never the reverse.' },
  ]),
);
