// Lint the TypeScript sources, the scripts and the test harness, with type information: the
// rules below catch what the compiler lets through (a promise nobody awaits, an async callback
// where a void one is expected, a switch that forgets a case), and eslint-plugin-regexp keeps our
// own regular expressions free of super-linear backtracking (minutes are untrusted input).
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

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
