// Lint the TypeScript sources, the scripts and the test harness, with type information: the
// rules below catch what the compiler lets through (a promise nobody awaits, an async callback
// where a void one is expected, a switch that forgets a case), and eslint-plugin-regexp keeps our
// own regular expressions free of super-linear backtracking (minutes are untrusted input).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

/** Imports of the machine (the core asks Services; online look-ups use fetch) and of an editor or its protocol library. */
const MACHINE = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads'];
const EDITOR_LIBRARIES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'];

const PURE_CORE = [
  { group: MACHINE, message: 'The core does not touch the machine: ask for it through Services.' },
  { group: EDITOR_LIBRARIES, message: 'The core knows no editor or protocol.' },
  { group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/client/**'], message: 'Hosts depend on the core, never the reverse.' },
  // server/src/protocol and server/src/online, out of the core (rules/link/online.ts is the core's own).
  { regex: '^(?:\\.\\./)+(?:protocol|online)(?:/|$)', message: 'Hosts depend on the core, never the reverse.' },
];

/**
 * `no-restricted-imports` for files of the core: the pure core's patterns and a layer's own.
 * @param {string} files
 * @param {Array<{ group: string[], message: string }>} layerPatterns
 * @returns {import('typescript-eslint').ConfigWithExtends}
 */
function coreBoundary(files, layerPatterns) {
  return { files: [files], rules: { 'no-restricted-imports': ['error', { patterns: [...PURE_CORE, ...layerPatterns] }] } };
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', '.cache/', '.vscode-test/', 'test/fixtures/', 'test/vscode/fixtures/'] },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      // TypeScript sources from tsconfig.json; the JavaScript (scripts, harness) from its checkJs
      // config, so both are linted with the types `npm run typecheck` sees.
      parserOptions: { project: ['./tsconfig.json', './tsconfig.scripts.json'], tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Dropped from recommendedTypeChecked, each for what it found here:
      // - unbound-method: every finding was a plain function kept in an object or closure (services,
      //   check helpers) that never reads `this`; the rule cannot tell them from methods.
      // - require-await: an async function without await is how we implement an async interface
      //   (Services, look-ups) with a synchronous answer, and it turns a throw into a rejection.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests and scripts read JSON (CLI output, manifests, caches) whose shape the test asserts;
    // the JavaScript (scripts, harness, UI tests) has untyped parameters by choice
    // (tsconfig.scripts.json). There `any` is the honest type and the no-unsafe-* rules would fire
    // on every use of it. The shipped code (server/src, client/src) keeps them.
    files: ['test/**', 'scripts/**', '**/*.mjs', '**/*.cjs', '**/*.js'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
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
    {
      group: ['**/templates/**', '**/views/**', '**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'],
      message: 'The model reads the text alone; a document read through a template is a view (core/views/).',
    },
  ]),
  coreBoundary('server/src/core/templates/**/*.ts', [
    {
      group: ['**/views/**', '**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'],
      message: 'templates/ is the format, the built-ins and detection; matching a document to a template is a view (core/views/).',
    },
  ]),
  coreBoundary('server/src/core/views/**/*.ts', [
    {
      group: ['**/rules/**', '**/lint/**', '**/series/**', '**/items/**', '**/summary/**'],
      message: 'Views sit below the rules and whatever reads them: rules read views, never the reverse.',
    },
  ]),
  {
    // What client and server say to each other, in one place that both import: names and plain
    // types, nothing that runs, so the client bundles none of the server's libraries for it.
    files: ['server/src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[^.]', message: 'The protocol is plain TypeScript: no package, not even for a type.' },
            {
              group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/browser/**', '**/online/**', '**/client/**'],
              message: 'The protocol depends on no host.',
            },
            {
              group: ['**/core', '**/core/**'],
              allowTypeImports: true,
              message: 'The protocol takes only types from the core (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    // Online look-ups run in the CLI, the server and both VS Code clients: fetch only. How answers
    // are kept is each host's (fileStore.ts is the Node hosts' file).
    files: ['server/src/online/**/*.ts'],
    ignores: ['server/src/online/fileStore.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: MACHINE, message: 'Online look-ups run in a browser too: fetch, no Node.' },
            { group: EDITOR_LIBRARIES, message: 'Online look-ups know no editor or protocol library.' },
            {
              group: ['**/lsp/**', '**/cli/**', '**/node/**', '**/browser/**', '**/client/**'],
              message: 'Hosts use the online look-ups, never the reverse.',
            },
          ],
        },
      ],
    },
  },
  {
    // The client asks the server (the protocol module) and takes a few pure helpers from the
    // core's index (messages, dates, the built-in templates' names, paths, UTF-8): nothing of
    // the server's own code, so the two stay apart and the client's bundle stays small.
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/src/*',
                '**/server/src/*/**',
                '!**/server/src/protocol',
                '!**/server/src/protocol/**',
                '!**/server/src/core',
                '!**/server/src/online',
                '!**/server/src/online/fileStore',
              ],
              message:
                "The client imports from the server only server/src/protocol, the core's index (server/src/core) and the online look-ups (server/src/online).",
            },
            {
              group: ['vscode-languageserver', 'vscode-languageserver/*'],
              message: 'The client speaks LSP through vscode-languageclient; method names and types are in server/src/protocol.',
            },
          ],
        },
      ],
    },
  },
);
