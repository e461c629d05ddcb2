// What the check scripts (check-hook, check-editors, browser-worker) share: named checks that
// end in the "N passed, N failed" line CI reads, and Debian packages installed when missing.
import { spawnSync } from 'node:child_process';

export function checks(label) {
  let passed = 0;
  let failed = 0;
  return {
    /** Records a check: `ok` a boolean, or a function that throws when the check fails. */
    check(name, ok, output = '') {
      let detail = output;
      if (typeof ok === 'function') {
        try {
          ok();
          ok = true;
        } catch (error) {
          ok = false;
          detail = error instanceof Error ? error.message : String(error);
        }
      }
      if (ok) passed++;
      else failed++;
      console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
      if (!ok && detail) console.log(detail);
    },
    /** Prints the closing line and sets the exit status. */
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exitCode = failed ? 1 : 0;
    },
  };
}

export function have(command) {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** apt-get install, as root only (CI and the build machine are); quietly, a fresh machine's lists first. */
export function aptInstall(packages) {
  if (process.getuid?.() !== 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
}
