import assert from 'node:assert/strict';
import {
  inlineEntries,
  loginProblem,
  parseRosterSource,
  Roster,
  rosterKind,
  scanUsage,
  UsageIndex,
  type RosterSourceResult,
} from '../../server/src/core/roster';
import { readYaml } from '../../server/src/core/roster/sources/yaml';
import { CODEOWNERS, OWNERS, OWNERS_ALIASES, SIG_INFO_YAML, TEAM_JSON } from '../fixtures/roster/texts';

const handles = (r: RosterSourceResult) => r.entries.map((e) => e.handle);

describe('roster sources', () => {
  describe('team.json (Curve)', () => {
    const result = parseRosterSource('/ws/team.json', TEAM_JSON);

    it('reads every login despite the missing commas, with its role and line', () => {
      assert.deepEqual(handles(result), [
        'ilixiaocui',
        'Wine93',
        'ada-dev',
        'bolt-io',
        'cygnus7',
        'delta-x',
        '20231',
        'echo_fox',
        'Wine93',
        'kilo-k',
      ]);
      const wine = result.entries.filter((e) => e.handle === 'Wine93');
      assert.deepEqual(
        wine.map((e) => e.roles[0]),
        ['maintainer', 'reviewer'],
      );
      assert.equal(wine[0].source.line, 7);
      assert.equal(wine[0].forge, 'github');
    });

    it('reports each missing comma on its line, in both languages', () => {
      const lines = result.problems.map((p) => p.message.en.match(/^line (\d+)/)?.[1]);
      assert.deepEqual(lines, ['14', '15'], 'after "cygnus7" and after "delta-x"');
      assert.match(result.problems[0].message.en, /comma expected; the file was read leniently/);
      assert.match(result.problems[0].message.zh, /缺少逗号/);
      assert.equal(TEAM_JSON.slice(result.problems[0].start, result.problems[0].end).trim(), '"cygnus7"');
    });

    it('reads object items with a name and an organisation', () => {
      const r = parseRosterSource('/ws/team.json', '{"maintainers": [{"github": "neo-x", "name": "Neo Xu", "org": "Example"}]}');
      assert.deepEqual(
        r.entries.map((e) => [e.handle, e.name, e.org, e.roles]),
        [['neo-x', 'Neo Xu', 'Example', ['maintainer']]],
      );
      assert.deepEqual(r.problems, []);
    });

    it('reports a file that is not JSON at all without throwing', () => {
      const r = parseRosterSource('/ws/team.json', 'maintainers = alice');
      assert.deepEqual(r.entries, []);
      assert.ok(r.problems.length >= 1);
      assert.ok(r.problems.some((p) => /no contributors/.test(p.message.en)));
    });
  });

  describe('sig-info.yaml (openEuler)', () => {
    const result = parseRosterSource('/ws/sig-info.yaml', SIG_INFO_YAML);

    it('reads Gitee ids with name, organisation, e-mail and the role of their list', () => {
      assert.deepEqual(handles(result), ['myeuler', 'HelloWorld_lv', 'myeuler', 'zq_216']);
      const [first, second, admin, committer] = result.entries;
      assert.deepEqual(
        [first.forge, first.name, first.org, first.email, first.roles],
        ['gitee', 'Xiong Wei', 'Example Corp', 'xw@example.org', ['maintainer']],
      );
      assert.deepEqual([second.name, second.org, second.email], ['Lv Cong', 'Union Example', 'lv@example.org']);
      assert.deepEqual(admin.roles, ['repo_admin']);
      assert.deepEqual(committer.roles, ['committer']);
      assert.equal(first.source.line, 4);
      assert.deepEqual(result.problems, []);
    });

    it('reports a badly indented line and keeps the rest', () => {
      const broken = SIG_INFO_YAML.replace('  name: Xiong Wei\n  organization', '  name: Xiong Wei\n      stray: value\n  organization');
      const r = parseRosterSource('/ws/sig-info.yaml', broken);
      assert.deepEqual(handles(r), ['myeuler', 'HelloWorld_lv', 'myeuler', 'zq_216']);
      assert.equal(r.problems.length, 1);
      assert.match(r.problems[0].message.en, /^line 8: unexpected indentation/);
    });
  });

  describe('the YAML reader', () => {
    it('reads compact sequences, quotes, comments, flow lists and block scalars', () => {
      const { value, problems } = readYaml(
        "a: 'it''s'\nb: \"x\\\"y\" # note\nc: [one, 'two, three']\nd: |\n  line 1\n  line 2\ne:\n- f: 1\n  g: C#\n",
      );
      assert.deepEqual(problems, []);
      const plain = JSON.parse(JSON.stringify(value, (k, v) => (k === 'line' ? undefined : v)));
      assert.deepEqual(
        plain.entries.map((e: { key: string }) => e.key),
        ['a', 'b', 'c', 'd', 'e'],
      );
      assert.equal(plain.entries[0].value.value, "it's");
      assert.equal(plain.entries[1].value.value, 'x"y');
      assert.deepEqual(
        plain.entries[2].value.items.map((i: { value: string }) => i.value),
        ['one', 'two, three'],
      );
      assert.equal(plain.entries[3].value.value, 'line 1\nline 2');
      assert.equal(plain.entries[4].value.items[0].entries[1].value.value, 'C#');
    });
  });

  describe('CODEOWNERS', () => {
    it('lists users as code owners; teams and e-mail addresses are skipped', () => {
      const r = parseRosterSource('/ws/.github/CODEOWNERS', CODEOWNERS);
      assert.deepEqual(handles(r), ['alice-owner', 'bob99', 'alice-owner', 'carol', 'dora']);
      assert.deepEqual(r.entries[0].roles, ['codeowner']);
      assert.deepEqual(r.problems, []);
    });
  });

  describe('OWNERS and OWNERS_ALIASES (Kubernetes)', () => {
    it('reads approvers and reviewers, also inside filters', () => {
      const r = parseRosterSource('/ws/OWNERS', OWNERS);
      assert.deepEqual(
        r.entries.map((e) => [e.handle, e.roles[0]]),
        [
          ['sig-docs-leads', 'approver'],
          ['erin', 'approver'],
          ['frank-r', 'reviewer'],
          ['gina', 'reviewer'],
        ],
      );
    });

    it('expands a group named in OWNERS into its members', () => {
      const owners = parseRosterSource('/ws/OWNERS', OWNERS);
      const aliases = parseRosterSource('/ws/OWNERS_ALIASES', OWNERS_ALIASES);
      assert.deepEqual(aliases.groups, { 'sig-docs-leads': ['hana', 'ivan'], 'sig-docs-reviewers': ['jack', 'kate'] });
      const roster = new Roster({ entries: [...owners.entries, ...aliases.entries], groups: aliases.groups });
      assert.deepEqual(roster.declared('hana')?.roles, ['approver', 'member']);
      assert.equal(roster.declared('sig-docs-leads'), undefined);
      assert.ok(roster.isKnown('sig-docs-leads'), 'a group name is no unknown login');
    });
  });

  it('chooses the parser from the file name', () => {
    assert.equal(rosterKind('/a/team.json'), 'team-json');
    assert.equal(rosterKind('/a/TC-sig-info.yaml'), 'sig-info');
    assert.equal(rosterKind('/a/.github/CODEOWNERS'), 'codeowners');
    assert.equal(rosterKind('/a/OWNERS_ALIASES'), 'owners-aliases');
    assert.equal(rosterKind('/a/handles.txt'), 'handle-list');
    const r = parseRosterSource('/a/people.csv', 'a,b');
    assert.match(r.problems[0].message.en, /not a roster file/);
  });

  it('reads inline handles with an optional forge and name; rejects impossible ones', () => {
    const r = inlineEntries(['Wine93', '@ilixiaocui', 'gitee:myeuler 熊伟', 'David Lee Jr', '数名开发者'], '/ws/.minutesrc.json');
    assert.deepEqual(
      r.entries.map((e) => [e.handle, e.forge, e.name]),
      [
        ['Wine93', 'unknown', undefined],
        ['ilixiaocui', 'unknown', undefined],
        ['myeuler', 'gitee', '熊伟'],
        ['David', 'unknown', 'Lee Jr'],
      ],
    );
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].message.en, '"contributors.handles" item 5: not a login; ignored');
  });
});

describe('login syntax', () => {
  it("follows GitHub's rule on GitHub", () => {
    assert.equal(loginProblem('Wine93', 'github'), undefined);
    assert.equal(loginProblem('201341', 'github'), undefined);
    assert.equal(loginProblem('a'.repeat(39), 'github'), undefined);
    assert.equal(loginProblem('a'.repeat(40), 'github'), 'too-long');
    assert.equal(loginProblem('-x', 'github'), 'leading');
    assert.equal(loginProblem('x-', 'github'), 'trailing');
    assert.equal(loginProblem('a--b', 'github'), 'double-hyphen');
    assert.equal(loginProblem('echo_fox', 'github'), 'character');
    assert.equal(loginProblem('数名开发者', 'github'), 'not-latin');
  });

  it("accepts Gitee's underscores and longer ids; flags only what no forge accepts when the forge is unknown", () => {
    assert.equal(loginProblem('HelloWorld_lvcongqing', 'gitee'), undefined);
    assert.equal(loginProblem('a'.repeat(60), 'gitee'), undefined);
    assert.equal(loginProblem('a--b', 'unknown'), undefined);
    assert.equal(loginProblem('_x', 'unknown'), 'leading');
    // Gitee's personal addresses take dots (OpenHarmony's `mark.zhai`); GitHub's do not.
    assert.equal(loginProblem('mark.zhai', 'unknown'), undefined);
    assert.equal(loginProblem('mark.zhai', 'github'), 'character');
    assert.equal(loginProblem('a,b', 'unknown'), 'character');
    assert.equal(loginProblem('张三', 'gitee'), 'not-latin');
  });
});

describe('the roster', () => {
  const team = parseRosterSource('/ws/team.json', TEAM_JSON);
  const sig = parseRosterSource('/ws/sig-info.yaml', SIG_INFO_YAML);

  it('merges the entries of one login: roles, sources; lookups ignore case', () => {
    const roster = new Roster(team);
    const wine = roster.declared('wine93');
    assert.ok(wine);
    assert.equal(wine.handle, 'Wine93');
    assert.deepEqual(wine.roles, ['maintainer', 'reviewer']);
    assert.deepEqual(
      wine.sources.map((s) => s.line),
      [7, 20],
    );
    assert.equal(roster.forge, 'github');
    assert.equal(new Roster(sig).forge, 'gitee');
  });

  it('suggests close logins for typos, swapped letters included', () => {
    const roster = new Roster(team);
    assert.deepEqual(
      roster.suggest('Wnie93').map((p) => p.handle),
      ['Wine93'],
    );
    assert.deepEqual(
      roster.suggest('ilixiaoci').map((p) => p.handle),
      ['ilixiaocui'],
    );
    assert.deepEqual(roster.suggest('zzzzzz'), []);
    assert.deepEqual(roster.suggest('ada'), [], 'three letters are too short to guess');
  });

  it('finds people by name, in either order of a romanised Chinese name', () => {
    const roster = new Roster(sig);
    assert.deepEqual(
      roster.byName('xiong wei').map((p) => p.handle),
      ['myeuler'],
    );
    assert.deepEqual(
      roster.complete('xiongwei').map((c) => c.person.handle),
      ['myeuler'],
    );
    assert.deepEqual(
      roster.complete('weixiong').map((c) => c.person.handle),
      ['myeuler'],
    );
  });

  it('finds a person with a Chinese name by its pinyin and initials', () => {
    const roster = new Roster({
      entries: [
        { handle: 'stone-xw', forge: 'gitee', name: '熊伟', roles: [], source: { kind: 'config', path: '/ws/.minutesrc.json' } },
        { handle: 'green-lcq', forge: 'gitee', name: '吕从庆', roles: [], source: { kind: 'config', path: '/ws/.minutesrc.json' } },
      ],
    });
    assert.deepEqual(
      roster.complete('熊伟').map((c) => c.person.handle),
      ['stone-xw'],
    );
    assert.deepEqual(
      roster.complete('xiongwei').map((c) => c.person.handle),
      ['stone-xw'],
    );
    assert.deepEqual(
      roster.complete('xw').map((c) => c.person.handle),
      ['stone-xw'],
    );
    assert.deepEqual(
      roster.complete('lvcong').map((c) => c.person.handle),
      ['green-lcq'],
    );
    assert.deepEqual(
      roster.complete('lucongqing').map((c) => c.person.handle),
      ['green-lcq'],
    );
  });

  it('completes logins by prefix first, then by name, then by substring', () => {
    const roster = new Roster({ entries: [...team.entries, ...sig.entries] });
    assert.deepEqual(
      roster.complete('Wi').map((c) => c.person.handle),
      ['Wine93'],
    );
    const x = roster.complete('x').map((c) => c.person.handle);
    assert.equal(x[0], 'myeuler', 'name "Xiong Wei" starts with x');
    assert.deepEqual(
      roster.complete('lta').map((c) => c.person.handle),
      ['delta-x'],
    );
    assert.equal(roster.complete('').length, new Set([...team.entries, ...sig.entries].map((e) => e.handle!.toLowerCase())).size);
  });

  it("learns names and usage from the workspace's minutes, ranking frequent and recent people first", () => {
    const usage = new UsageIndex();
    usage.set(scanUsage('/ws/2023/2023-04-27.md', '熊伟（@myeuler, Example）\n- item @zq_216 @zq_216\n'));
    usage.set(scanUsage('/ws/2023/2023-05-11.md', '- thing @zq_216\n- `@myeuler in code` and https://gitee.com/@HelloWorld_lv\n'));
    const roster = new Roster({ ...sig, usage });
    assert.deepEqual(
      roster.byName('熊伟').map((p) => p.handle),
      ['myeuler'],
    );
    assert.deepEqual(
      roster.complete('熊').map((c) => c.person.handle),
      ['myeuler'],
    );
    const u = roster.usage('ZQ_216');
    assert.deepEqual([u?.files.length, u?.mentions, u?.lastDate], [2, 3, '2023-05-11']);
    assert.equal(roster.usage('HelloWorld_lv'), undefined, 'code and URLs are no mentions');
    assert.deepEqual(
      roster
        .complete('')
        .slice(0, 2)
        .map((c) => c.person.handle),
      ['zq_216', 'myeuler'],
    );
    usage.delete('/ws/2023/2023-05-11.md');
    assert.equal(roster.usage('zq_216')?.files.length, 1);
  });

  it('counts a login outside the roster as known once other minutes mention it, but not a near miss', () => {
    const usage = new UsageIndex();
    usage.set(scanUsage('/ws/a.md', '@newcomer42 @Wnie93'));
    usage.set(scanUsage('/ws/b.md', '@newcomer42 @Wnie93'));
    const roster = new Roster({ ...team, usage });
    assert.ok(roster.isKnown('newcomer42', { exceptPath: '/ws/a.md' }));
    assert.ok(!roster.isKnown('newcomer42', { exceptPath: '/ws/a.md', minFiles: 2 }));
    assert.ok(!roster.isKnown('newcomer42', { exceptPath: '/ws/a.md', minFiles: 0 }));
    assert.ok(!roster.isKnown('Wnie93', { exceptPath: '/ws/a.md' }));
    assert.ok(!roster.isKnown('brand-new', { exceptPath: '/ws/a.md' }));
  });
});

describe('names learned from minutes', () => {
  it("does not take a greeting before a mention for the person's name", () => {
    const usage = scanUsage('/ws/2023-04-27.md', '欢迎 @ilixiaocui 加入社区\n- 熊伟 @xiongwei 负责测试\n');
    assert.deepEqual(usage.names, [{ name: '熊伟', handle: 'xiongwei' }]);
  });
});
