import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type ConfigHost } from '../../server/src/core';
import { CONFIG_LIMITS } from '../../server/src/core/config/load';
import { parseRosterSource } from '../../server/src/core/roster';
import { findRepositoryRoot, locateInside } from '../../server/src/node/contain';
import { nodeConfigHost, toPosixPath } from '../../server/src/node/host';
import { NodeRosters } from '../../server/src/node/roster';

/** An in-memory repository at /repo that records the files the loader reads besides looking for `.minutesrc.json`. */
function recordingHost(files: Record<string, string>, extra: Partial<ConfigHost> = {}): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  const readFile = (path: string) => {
    if (!path.endsWith('/.minutesrc.json')) reads.push(path);
    return files[path];
  };
  return { root: '/repo', reads, readFile, ...extra };
}

const MINUTES = '/repo/minutes/2024-03-14.md';

describe('a configuration names only files inside its repository', () => {
  for (const source of ['/proc/self/environ', '../x/id_rsa', '../../../../home/runner/.ssh/id_rsa']) {
    it(`contributors.sources "${source}" is a config problem on its own value, and the file is not read`, () => {
      const text = `{\n  "contributors": {\n    "sources": [${JSON.stringify(source)}, "team.json"]\n  }\n}\n`;
      const host = recordingHost({ '/repo/.minutesrc.json': text });
      const resolved = resolveConfig(MINUTES, host);
      const problem = resolved.problems.find((p) => /outside the repository/.test(p.message.en));
      assert.ok(problem, JSON.stringify(resolved.problems));
      assert.equal(problem.kind, 'reference');
      assert.equal(text.slice(problem.start, problem.end), JSON.stringify(source), 'placed on the value');
      assert.match(problem.message.zh, /仓库（\/repo）之外，不会读取/);
      assert.deepEqual(resolved.config.contributors?.sources, ['team.json'], 'the outside source is dropped before any roster reads it');
      assert.deepEqual(host.reads, []);
    });
  }

  it('extends and template paths outside the repository are refused the same way whether or not the file exists', () => {
    for (const target of ['../exists.json', '../missing.json', '/etc/passwd']) {
      for (const key of ['extends', 'template']) {
        const text = `{ "${key}": ${JSON.stringify(target)} }`;
        const host = recordingHost({ '/repo/.minutesrc.json': text, '/exists.json': '{ "id": "t", "name": "t" }' });
        const resolved = resolveConfig(MINUTES, host);
        assert.deepEqual(
          resolved.problems.map((p) => [p.key, p.message.en]),
          [[key, `"${key}": "${target}" leads outside the repository (/repo); it is not read`]],
        );
        assert.deepEqual(host.reads, [], 'nothing outside is read, so nothing outside can be told apart');
      }
    }
  });

  it('a missing file inside the repository is "not found", and says nothing about anything else', () => {
    const resolved = resolveConfig(
      MINUTES,
      recordingHost({ '/repo/.minutesrc.json': '{ "extends": "./base.json", "template": "./t.json" }' }),
    );
    assert.deepEqual(
      resolved.problems.map((p) => p.message.en),
      ['configuration file not found: /repo/base.json', 'template file /repo/t.json: not found; detecting the template instead'],
    );
  });

  it('the repository root is the nearest folder with .git, else the workspace folder holding the config, else its folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'minutes-root-'));
    try {
      mkdirSync(join(dir, 'repo/.git'), { recursive: true });
      mkdirSync(join(dir, 'repo/minutes/2024'), { recursive: true });
      mkdirSync(join(dir, 'plain/sub'), { recursive: true });
      assert.equal(findRepositoryRoot(join(dir, 'repo/minutes/2024/.minutesrc.json'), dir), join(dir, 'repo'));
      assert.equal(findRepositoryRoot(join(dir, 'plain/sub/.minutesrc.json'), join(dir, 'plain')), join(dir, 'plain'));
      assert.equal(findRepositoryRoot(join(dir, 'plain/sub/.minutesrc.json'), join(dir, 'repo')), join(dir, 'plain/sub'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('symbolic links are followed to where they really lead', () => {
  let dir: string;
  let repo: string;
  before(() => {
    dir = toPosixPath(mkdtempSync(join(tmpdir(), 'minutes-links-')));
    repo = `${dir}/repo`;
    mkdirSync(`${repo}/.git`, { recursive: true });
    mkdirSync(`${repo}/docs`);
    mkdirSync(`${dir}/outside`);
    writeFileSync(`${dir}/outside/secret.txt`, 'CI_SECRET=hunter2\n');
    writeFileSync(`${repo}/docs/team.txt`, 'alice\n');
    symlinkSync(`${dir}/outside/secret.txt`, `${repo}/to-secret.txt`);
    symlinkSync('../outside/nothing.txt', `${repo}/dangling-out.txt`);
    symlinkSync('docs/nothing.txt', `${repo}/dangling-in.txt`);
    symlinkSync('docs', `${repo}/docs-link`);
    symlinkSync(`${dir}/outside`, `${repo}/outside-dir`);
    symlinkSync('a/../../outside/secret.txt', `${repo}/tricky.txt`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('inside, outside or missing, without telling whether something outside exists', () => {
    assert.equal(locateInside(`${repo}/docs/team.txt`, repo), 'inside');
    assert.equal(locateInside(`${repo}/docs-link/team.txt`, repo), 'inside');
    assert.equal(locateInside(`${repo}/docs/none.txt`, repo), 'missing');
    assert.equal(locateInside(`${repo}/dangling-in.txt`, repo), 'missing');
    assert.equal(locateInside(`${repo}/to-secret.txt`, repo), 'outside');
    assert.equal(locateInside(`${repo}/dangling-out.txt`, repo), 'outside');
    assert.equal(locateInside(`${repo}/outside-dir/secret.txt`, repo), 'outside');
    assert.equal(locateInside(`${repo}/outside-dir/none.txt`, repo), 'outside');
    assert.equal(locateInside(`${repo}/tricky.txt`, repo), 'outside');
  });

  it('a configured roster that is a link out of the repository is a config problem and is never read', () => {
    writeFileSync(
      `${repo}/.minutesrc.json`,
      '{ "contributors": { "sources": ["to-secret.txt", "outside-dir/secret.txt", "docs/team.txt"] } }',
    );
    const resolved = resolveConfig(`${repo}/minutes.md`, nodeConfigHost(undefined, repo));
    assert.deepEqual(
      resolved.problems.map((p) => p.message.en.replace(repo, 'REPO')),
      [
        '"contributors.sources": "to-secret.txt" leads outside the repository (REPO); it is not read',
        '"contributors.sources": "outside-dir/secret.txt" leads outside the repository (REPO); it is not read',
      ],
    );
    const rosters = new NodeRosters();
    const roster = rosters.rosterFor(resolved, repo);
    assert.deepEqual(
      roster?.people().map((p) => p.handle),
      ['alice'],
    );
    assert.ok(!JSON.stringify(rosters.problems()).includes('hunter2'));
  });

  it('an autodetected roster name that links out of the repository is reported on itself, not read', () => {
    symlinkSync(`${dir}/outside/secret.txt`, `${repo}/CODEOWNERS`);
    try {
      const rosters = new NodeRosters();
      rosters.rosterFor({ config: {}, problems: [], root: repo }, repo);
      const problems = rosters.problems();
      assert.deepEqual(
        problems.map((p) => [p.path, p.message.en.replace(repo, 'REPO')]),
        [[`${repo}/CODEOWNERS`, 'leads outside the repository (REPO); not read']],
      );
    } finally {
      rmSync(`${repo}/CODEOWNERS`);
    }
  });
});

describe('roster problems name the line, never its text', () => {
  const SECRET = 'CI_SECRET=hunter2-AKIA0000';
  const cases: Array<[string, string]> = [
    ['/repo/environ', `PATH=/usr/bin\n${SECRET}\n`],
    ['/repo/id_rsa', `-----BEGIN OPENSSH PRIVATE KEY-----\n${SECRET}\n-----END OPENSSH PRIVATE KEY-----\n`],
    ['/repo/team.txt', `alice\n${SECRET}\n`],
    ['/repo/CODEOWNERS', `* @alice @${SECRET}\n`],
    ['/repo/OWNERS', `approvers:\n  - "${SECRET}"\n`],
    ['/repo/sig-info.yaml', `maintainers:\n  - gitee_id: alice\n ${SECRET}\n\t${SECRET}: x\n`],
    ['/repo/team.json', `{ "maintainers": ["alice" "${SECRET} x"] }`],
  ];
  for (const [path, text] of cases) {
    it(path.slice(6), () => {
      const result = parseRosterSource(path, text);
      assert.ok(result.problems.length > 0, 'the file has problems to report');
      for (const p of result.problems) {
        assert.ok(!p.message.en.includes('hunter2') && !p.message.zh.includes('hunter2'), p.message.en);
        assert.match(p.message.en, /^line \d+: |^no contributors|^not a roster/);
      }
    });
  }

  it('a roster file nested deeper than the parser can take is a problem, not a stack overflow', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    assert.match(parseRosterSource('/repo/team.json', deep).problems[0].message.en, /nested more than 64 levels/);
  });
});

describe('extends: bounded, read once per file, cycles reported where they are written', () => {
  it('a diamond of extends reads each file once (20 levels of diamonds would otherwise read a million files)', () => {
    const files: Record<string, string> = { '/repo/.minutesrc.json': '{ "extends": ["./a0.json", "./b0.json"] }' };
    for (let i = 0; i < 12; i++) {
      files[`/repo/a${i}.json`] = `{ "extends": ["./a${i + 1}.json", "./b${i + 1}.json"] }`;
      files[`/repo/b${i}.json`] = `{ "extends": ["./a${i + 1}.json", "./b${i + 1}.json"] }`;
    }
    files['/repo/a12.json'] = '{ "rules": { "link/split": "error" } }';
    files['/repo/b12.json'] = '{ "rules": { "privacy/email": "off" } }';
    const host = recordingHost(files);
    const resolved = resolveConfig(MINUTES, host);
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual({ ...resolved.config.rules }, { 'link/split': 'error', 'privacy/email': 'off' });
    assert.equal(host.reads.length, new Set(host.reads).size, 'no file read twice');
  });

  it('a 20,000-deep chain stops at the depth limit with a problem on the extends that goes too far', () => {
    const files: Record<string, string> = { '/repo/.minutesrc.json': '{ "extends": "./c1.json" }' };
    for (let i = 1; i < 20_000; i++) files[`/repo/c${i}.json`] = `{ "extends": "./c${i + 1}.json" }`;
    const host = recordingHost(files);
    const resolved = resolveConfig(MINUTES, host);
    assert.deepEqual(
      resolved.problems.map((p) => p.message.en),
      [`"extends" chain longer than ${CONFIG_LIMITS.extendsDepth} files: /repo/c${CONFIG_LIMITS.extendsDepth + 1}.json is not read`],
    );
    assert.equal(resolved.problems[0].path, `/repo/c${CONFIG_LIMITS.extendsDepth}.json`);
    assert.equal(host.reads.length, CONFIG_LIMITS.extendsDepth, 'the files of the chain up to the limit, no more');
  });

  it('more distinct files than the limit: the rest are not read', () => {
    const many = Array.from({ length: 100 }, (_, i) => `./p${i}.json`);
    const files: Record<string, string> = { '/repo/.minutesrc.json': JSON.stringify({ extends: many }) };
    for (let i = 0; i < 100; i++) files[`/repo/p${i}.json`] = '{}';
    const host = recordingHost(files);
    const resolved = resolveConfig(MINUTES, host);
    assert.equal(host.reads.length, CONFIG_LIMITS.extendsFiles - 1, 'the limit counts the configuration itself');
    assert.ok(resolved.problems.every((p) => /more than 64 configuration files/.test(p.message.en)));
  });

  it('a cycle is reported on the extends value that closes it', () => {
    const text = '{\n  "extends": "./.minutesrc.json"\n}';
    const resolved = resolveConfig(MINUTES, recordingHost({ '/repo/.minutesrc.json': text }));
    assert.equal(resolved.problems.length, 1);
    assert.match(resolved.problems[0].message.en, /"extends" cycle: \/repo\/\.minutesrc\.json → \/repo\/\.minutesrc\.json/);
    assert.equal(text.slice(resolved.problems[0].start, resolved.problems[0].end), '"./.minutesrc.json"');
  });
});

describe('sizes and nesting of configuration files are bounded', () => {
  it('a 50 MB template file is refused from its size, before it is read', () => {
    const host = recordingHost(
      { '/repo/.minutesrc.json': '{ "template": "./big.minutes-template.json" }' },
      {
        fileSize: (path) => (path.endsWith('big.minutes-template.json') ? 50 * 1024 * 1024 : undefined),
      },
    );
    const resolved = resolveConfig(MINUTES, host);
    assert.deepEqual(
      resolved.problems.map((p) => p.message.en),
      [
        'template file /repo/big.minutes-template.json: /repo/big.minutes-template.json is too large (51200 KB, the limit is 1024 KB); it is not read; detecting the template instead',
      ],
    );
    assert.deepEqual(host.reads, []);
  });

  it('a configuration of 10,000 nested brackets is a syntax problem, not a stack overflow', () => {
    const resolved = resolveConfig(
      MINUTES,
      recordingHost({ '/repo/.minutesrc.json': `{ "x": ${'['.repeat(10_000)}${']'.repeat(10_000)} }` }),
    );
    assert.equal(resolved.problems[0].kind, 'syntax');
    assert.match(resolved.problems[0].message.en, /nested more than 64 levels deep/);
  });
});
