/**
 * minutes-lint on a pull request's checkout, as CI runs it with secrets: the smallest hostile
 * inputs of issue 11, each as a repository a pull request could make.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist', 'cli.js');
const SECRET = 'hunter2-ci-secret';

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', CI_SECRET: SECRET, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}${r.stderr}` };
}

const MINUTES = '# Team Meeting 2024-03-14\n\n## Present\n\n- alice\n\n## Agenda\n\n- one\n';
/** No stack trace: a problem of the repository is reported, not thrown. */
const STACK = /^[ \t]+at [^\n(]+\([^\n]*:\d+:\d+\)$/m;

describe('minutes-lint on a hostile repository', () => {
  let outer: string;
  let repo: string;
  beforeEach(() => {
    outer = mkdtempSync(join(tmpdir(), 'minutes-hostile-'));
    repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'minutes'));
    writeFileSync(join(repo, 'minutes', '2024-03-14.md'), MINUTES);
  });
  afterEach(() => rmSync(outer, { recursive: true, force: true }));

  it('{"contributors":{"sources":["/proc/self/environ"]}}: a config problem on its line, the environment never printed', () => {
    writeFileSync(join(repo, '.minutesrc.json'), '{"contributors":{"sources":["/proc/self/environ"]}}');
    const r = run(['minutes'], repo);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /\.minutesrc\.json:1:29: "contributors\.sources": "\/proc\/self\/environ" leads outside the repository \(.*\/repo\); it is not read/,
    );
    assert.ok(!r.output.includes(SECRET), r.output);
  });

  it('"../x/id_rsa" (and a link to it inside the repository) are refused, the key never printed', () => {
    mkdirSync(join(outer, 'x'));
    writeFileSync(join(outer, 'x', 'id_rsa'), `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`);
    symlinkSync(join(outer, 'x', 'id_rsa'), join(repo, 'OWNERS'));
    writeFileSync(join(repo, '.minutesrc.json'), '{ "contributors": { "sources": ["../x/id_rsa", "OWNERS"] } }');
    const r = run(['minutes'], repo);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /"contributors\.sources": "\.\.\/x\/id_rsa" leads outside the repository/);
    assert.match(r.stderr, /"contributors\.sources": "OWNERS" leads outside the repository/);
    assert.ok(!r.output.includes(SECRET), r.output);
  });

  it('"pattern": "^(a+)+$" in a team template: 64 KB of minutes are checked, not hung', () => {
    const a = 'a'.repeat(64 * 1024);
    writeFileSync(
      join(repo, '.minutesrc.json'),
      JSON.stringify({
        template: {
          id: 'team',
          name: 'Team',
          variants: [{ id: 'v', when: { content: ['^(a+)+$'] } }],
          sections: [{ id: 's', names: ['S'], patterns: ['^(a+)+$'], required: true }],
          fields: [{ id: 'f', labels: ['F'], pattern: '^(a+)+$' }],
          placeholders: [{ text: '(a+)+b', regex: true }],
          filename: { pattern: '^(a+)+$', example: 'a.md' },
        },
      }),
    );
    writeFileSync(join(repo, 'minutes', 'big.md'), `# ${a}\n\nF：${a}\n\n${a}\n`);
    const r = run(['--format', 'json', 'minutes/big.md'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].template, 'team/v', "the variant's pattern matched the 64 KB line");
  });

  it("an invalid regex, an unknown built-in or a wrong shape in a template: a config problem on the config's line, exit 2, no stack trace", () => {
    const cases: Array<[object, RegExp]> = [
      [
        { template: { id: 't', name: 't', sections: [{ id: 's', names: ['S'], patterns: ['(a'] }] } },
        /:1:\d+: template sections\[0\]\.patterns\[0\]: invalid regular expression: missing closing \)/,
      ],
      [
        { template: { id: 't', name: 't', extends: 'curve-weekly' } },
        /:1:\d+: template extends: "curve-weekly" is not a built-in template/,
      ],
      [{ template: { id: 't', name: 't', sections: 'all of them' } }, /:1:\d+: template sections: must be a list/],
    ];
    for (const [config, expected] of cases) {
      writeFileSync(join(repo, '.minutesrc.json'), JSON.stringify(config));
      const r = run(['minutes'], repo);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, expected);
      assert.doesNotMatch(r.output, STACK);
    }
    writeFileSync(join(repo, 'bad.json'), JSON.stringify({ id: 't', name: 't', fields: [{ id: 'f', labels: ['F'], pattern: 'x(?=y)' }] }));
    const option = run(['--template', 'bad.json', 'minutes'], repo);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--template bad\.json: fields\[0\]\.pattern: invalid regular expression: lookahead/);
    assert.doesNotMatch(option.output, STACK);
  });

  it('two symbolic links to "." and a FIFO named x.md: the walk ends, each skip is noted, nothing blocks', () => {
    symlinkSync('.', join(repo, 'minutes', 'again'));
    symlinkSync('..', join(repo, 'minutes', 'up'));
    symlinkSync('/', join(repo, 'minutes', 'root'));
    execFileSync('mkfifo', [join(repo, 'minutes', 'x.md')]);
    const r = run(['--format', 'json', 'minutes'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { path: string }) => f.path),
      ['minutes/2024-03-14.md'],
    );
    assert.match(r.stderr, /note: skipped minutes\/again: a symbolic link to a file or folder already checked/);
    assert.match(r.stderr, /note: skipped minutes\/root: a symbolic link leading outside the folder checked/);
    assert.match(r.stderr, /note: skipped minutes\/x\.md: not a regular file \(a FIFO, socket or device\); not opened/);
    const explicit = run(['minutes/x.md'], repo);
    assert.equal(explicit.code, 2);
    assert.match(explicit.stdout, /not a regular file \(a FIFO, socket or device\), not read/);
  });

  it('a bare CR in a file name or a message never starts a line of its own in text or github output', () => {
    const forged = 'a\r::error file=README.md,line=1::forged\r.md';
    writeFileSync(join(repo, 'minutes', forged), '# Notes\n\n联系 someone@corp-mail.cn\n');
    for (const format of ['text', 'github']) {
      const r = run(['--format', format, join('minutes', forged)], repo);
      assert.ok(!r.stdout.includes('\r'), `${format}: ${JSON.stringify(r.stdout)}`);
      assert.ok(!r.stdout.split('\n').some((line) => line.startsWith('::error file=README.md')), `${format}: ${r.stdout}`);
      assert.match(r.stdout, /minutes\/a\\r/, 'the CR is shown as \\r');
    }
    const json = JSON.parse(run(['--format', 'json', join('minutes', forged)], repo).stdout);
    assert.equal(json.files[0].path, `minutes/${forged}`, 'JSON keeps the exact name (JSON escapes it)');
    assert.ok(!readFileSync(join(repo, 'minutes', forged), 'utf8').includes('\r'));
  });
});
