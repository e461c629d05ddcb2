import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { cliRosterRoot, gitAuthorEntries, listMinutes, NodeRosters } from '../../server/src/node/roster';
import { ROOT } from '../helpers';
import { CODEOWNERS, SIG_INFO_YAML, TEAM_JSON } from '../fixtures/roster/texts';

describe('rosters on disk (node host)', () => {
  let root: string;
  const write = (relative: string, text: string) => {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  };
  const noConfig: ResolvedConfig = { config: {}, problems: [] };
  const configAt = (contributors: NonNullable<ResolvedConfig['config']['contributors']>): ResolvedConfig => ({
    config: { contributors },
    path: `${root}/.minutesrc.json`,
    baseDir: root,
    problems: [],
  });

  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'minutes-roster-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds team.json and .github/CODEOWNERS in the workspace folder when nothing is configured', () => {
    write('team.json', TEAM_JSON);
    write('.github/CODEOWNERS', CODEOWNERS);
    const rosters = new NodeRosters();
    const roster = rosters.rosterFor(noConfig, root)!;
    assert.ok(roster.declared('Wine93'));
    assert.ok(roster.declared('alice-owner'));
    assert.deepEqual(
      roster.problems.map((p) => p.path),
      [`${root}/team.json`, `${root}/team.json`],
      'the missing commas',
    );
    assert.ok(rosters.watchedFiles().includes(`${root}/sig-info.yaml`), 'a roster file created later is watched for');
  });

  it('reads configured sources relative to the config file, plus inline handles; a missing one is a problem, not an error', () => {
    write('people/sig-info.yaml', SIG_INFO_YAML);
    write('team.json', TEAM_JSON);
    const roster = new NodeRosters().rosterFor(
      configAt({ sources: ['people/sig-info.yaml', 'people/gone.json'], handles: ['gitee:guest_1 Guest One'] }),
      root,
    )!;
    assert.ok(roster.declared('myeuler'));
    assert.equal(roster.declared('guest_1')?.name, 'Guest One');
    assert.equal(roster.declared('Wine93'), undefined, 'configured sources replace autodetection');
    assert.deepEqual(
      roster.problems.map((p) => [p.path, p.message.en]),
      [[`${root}/people/gone.json`, 'cannot read the roster file: not found']],
    );
    assert.equal(roster.forge, 'gitee');
  });

  it('rebuilds a roster when its file changes, and updates the usage index when minutes are saved', () => {
    write('team.json', '["ada-dev"]');
    write('minutes/2024-01-10.md', '- item @ada-dev\n');
    const rosters = new NodeRosters({ scanMinutes: true });
    const first = rosters.rosterFor(noConfig, root)!;
    assert.equal(first.usage('ada-dev')?.files.length, 1);
    assert.equal(rosters.rosterFor(noConfig, root), first, 'cached');

    write('team.json', '["ada-dev", "bolt-io"]');
    assert.equal(rosters.fileChanged(`${root}/team.json`), 'roster');
    const second = rosters.rosterFor(noConfig, root)!;
    assert.notEqual(second, first);
    assert.ok(second.declared('bolt-io'));

    write('minutes/2024-01-24.md', '- item @bolt-io @ada-dev\n');
    assert.equal(rosters.fileChanged(`${root}/minutes/2024-01-24.md`), 'minutes');
    assert.equal(second.usage('ada-dev')?.files.length, 2, 'the same roster sees the new minutes');
    assert.equal(rosters.fileChanged(`${root}/minutes/2024-01-24.md`, true), 'minutes');
    assert.equal(second.usage('bolt-io'), undefined);
    assert.equal(rosters.fileChanged(`${root}/notes.json`), undefined);
  });

  it('lists minutes files, skipping dependencies and hidden folders', () => {
    write('a/2024-01-10.md', 'x');
    write('node_modules/pkg/README.md', 'x');
    write('.git/x.md', 'x');
    write('b/notes.txt', 'x');
    assert.deepEqual(
      listMinutes(root).map((p) => p.slice(root.length)),
      ['/a/2024-01-10.md', '/b/notes.txt'],
    );
  });

  it('reads git log authors: names for attendee lists, logins from GitHub no-reply addresses', () => {
    const entries = gitAuthorEntries(
      'Ada Dev\t1234+ada-dev@users.noreply.github.com\n熊伟\txw@example.org\nAda Dev\tada@example.org\n',
      root,
    );
    assert.deepEqual(
      entries.map((e) => [e.name, e.handle]),
      [
        ['Ada Dev', 'ada-dev'],
        ['熊伟', undefined],
      ],
    );
  });

  it("looks for autodetected rosters of the CLI in the config's folder, else the git repository", () => {
    write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    assert.equal(cliRosterRoot(noConfig, `${root}/repo/minutes/a.md`), `${root}/repo`);
    assert.equal(cliRosterRoot({ ...noConfig, baseDir: `${root}/cfg` }, `${root}/repo/minutes/a.md`), `${root}/cfg`);
    assert.equal(cliRosterRoot(noConfig, `${root}/elsewhere/a.md`), undefined);
  });

  it('minutes-lint applies the configured roster and warns about a broken roster file without failing', () => {
    write('.minutesrc.json', '{ "contributors": { "sources": ["team.json"] } }');
    write('team.json', TEAM_JSON);
    write('curve/2023/2023-05-11.md', '## 会议内容\n\n- [缓存](https://github.com/opencurve/curve/pull/2510) @Wnie93 @David Lee\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--format', 'json', 'curve'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /warning: .*team\.json: line 14: comma expected/);
    const report = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; message: string }> }> };
    const handles = report.files[0].diagnostics.filter((d) => d.rule.startsWith('handle/')).map((d) => `${d.rule}: ${d.message}`);
    assert.deepEqual(handles, [
      'handle/unknown: "@Wnie93" is not in the contributor roster. Did you mean @Wine93?',
      'handle/invalid: "@David Lee" is a name, not a login: logins have no spaces, so only "@David" is a mention. Write the person\'s login.',
    ]);
  });
});
