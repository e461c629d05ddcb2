/**
 * Entry of the in-host suite: VS Code's extension host loads this module and awaits `run()`
 * (the contract of @vscode/test-electron, which the code-server runner follows too). The
 * promise must reject when a test fails: that is how both runners learn the outcome.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The web runner forwards console output through the browser: no ANSI colours.
    color: false,
    reporter: 'spec',
    // The first test also waits for the language server to start.
    timeout: Number(process.env.MINUTES_TEST_TIMEOUT ?? 60_000),
    grep: process.env.MOCHA_GREP || undefined,
  });
  // esbuild writes one bundle per test file next to this one. The runners start VS Code twice:
  // trusted (MINUTES_VSCODE_RUN unset or "trusted") and in Restricted Mode ("restricted"), which
  // runs only the *.restricted.test files.
  const restricted = process.env.MINUTES_VSCODE_RUN === 'restricted';
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js') && name.endsWith('.restricted.test.js') === restricted) mocha.addFile(join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0, tests = 0 } = runner.stats ?? {};
        // The line CI reads, in the same words as `npm test`.
        console.log(`\n${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (tests === 0 && pending === 0) reject(new Error('no test ran (MOCHA_GREP too narrow?)'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
