/**
 * `--jobs`: worker threads check the series of a run, the main thread prints their reports in
 * walk order, so the output and the exit status are those of one thread, whatever the split.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { runCli } from './run';

describe('minutes-lint --jobs', function () {
  // Two CLI runs per format, each starting worker threads: seconds on a busy machine.
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'minutes-jobs-'));
    // Several series (learned and recognised), loose files, a broken configuration in one folder
    // and a file that cannot be read as minutes: everything a thread's answer could depend on.
    cpSync(join(ROOT, 'test', 'fixtures', 'series'), join(dir, 'series'), { recursive: true });
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    writeFileSync(join(dir, 'examples', 'curve', '.minutesrc.json'), '{ "rules": { "no-such-rule": "warn" ');
    writeFileSync(join(dir, 'series', 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0x01]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ['text', 'json']) {
    it(`--jobs 1 and --jobs 2 print the same ${format} report and exit alike`, () => {
      const one = runCli(['--format', format, '--stats', '--jobs', '1', '.'], dir);
      const two = runCli(['--format', format, '--stats', '--jobs', '2', '.'], dir);
      assert.match(one.stderr, /\(1 thread\)/);
      assert.match(two.stderr, /\(2 threads\)/, 'the second run used worker threads');
      assert.ok(one.stdout.length > 1000, one.stderr);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.code, one.code);
      // The broken configuration is said once, in both.
      const configLines = (r: { stderr: string }) => r.stderr.split('\n').filter((l) => l.includes('.minutesrc.json'));
      assert.equal(configLines(one).length, 1, one.stderr);
      assert.deepEqual(configLines(two), configLines(one));
    });
  }

  it('reports files/s and MiB/s with --stats, on standard error only', () => {
    const r = runCli(['--format', 'json', '--stats', '.'], dir);
    assert.match(r.stderr, /minutes-lint: \d+ files, [\d.]+ MiB in [\d.]+ s: \d+ files\/s, [\d.]+ MiB\/s \(\d+ threads?\)/);
    assert.doesNotThrow(() => JSON.parse(r.stdout));
  });

  it('refuses a --jobs that is not a whole number of threads', () => {
    for (const bad of ['0', 'two', '-1']) {
      const r = runCli(['--jobs', bad, '.'], dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--jobs must be a whole number/);
    }
  });
});
