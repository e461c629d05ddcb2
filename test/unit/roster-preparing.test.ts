import assert from 'node:assert/strict';
import { parseRosterSource, type Roster } from '../../server/src/core/roster';
import { listsOfTree, strictJsonLists } from '../../server/src/core/roster/sources/jsonLists';
import { RosterStore, type RosterHost } from '../../server/src/core/roster/store';
import { parseTree } from 'jsonc-parser';
import type { ResolvedConfig } from '../../server/src/core/config/types';

// Texts that are strict JSON: the quick walk must find what jsonc-parser's tree finds.
const STRICT = [
  '{"maintainers": ["a", "@b", " c "], "_comment": ["x"], "sub": {"committers": [{"github": "d", "name": "D", "org": 1}, {"login": "e", "x": [1, {"y": 2}]}], "n": 1.5e3, "t": true, "z": null}}',
  '{"odd": ["f\\"g", "h\\\\", "i\\u0041", "{[", 7, null, [2, ["x"]], {"gitee_id": "j"}]}',
  '[ "a" , {"gitee": "b"} ]',
  '{ "a" : [ ] , "b" : { } , "c" : "d" }',
  '"just a string"',
  '{"a": {"b": {"c": ["deep"]}}, "maintainers": ["x"], "maintainers": ["y"]}',
  '\n\t{\r\n  "reviewers": [\n    "Wine93",\n    {"id": "kilo-k", "email": "k@example.org"}\n  ]\n}\n',
];

describe('roster JSON read quickly when it is strict', () => {
  it('finds the lists, items and offsets that jsonc-parser finds', () => {
    // (jsonc-parser makes objects without a prototype, JSON.parse ordinary ones: compared as JSON.)
    const plain = (value: unknown) => JSON.stringify(value);
    for (const text of STRICT) assert.equal(plain(strictJsonLists(text, 20)), plain(listsOfTree(parseTree(text))), text);
  });

  it('leaves texts that are not strict JSON to jsonc-parser', () => {
    for (const text of ['{"a": ["x" "y"]}', '// note\n{"a": ["x"]}', '{"a": ["x",]}', '\uFEFF{"a": []}', '{"a": ["\0"]}', ''])
      assert.equal(strictJsonLists(text, 20), undefined, JSON.stringify(text));
  });

  it('refuses nesting deeper than the limit, wherever it is', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    assert.equal(strictJsonLists(`{"m": [${deep(19)}]}`, 20), 'too deep');
    assert.notEqual(strictJsonLists(`{"m": [${deep(18)}]}`, 20), 'too deep');
    assert.equal(strictJsonLists(`{"_skip": {"x": ${deep(20)}}}`, 20), 'too deep');
    assert.equal(
      parseRosterSource('/ws/team.json', `{"m": [${deep(300)}]}`).problems[0].message.en,
      parseRosterSource('/ws/team.json', `{"m": [${deep(300)}],}`).problems[0].message.en,
    );
  });

  it('gives a roster file the same entries and problems whichever way it was read', () => {
    for (const text of STRICT) {
      // A trailing comment makes the text lenient JSON: jsonc-parser reads it.
      const strict = parseRosterSource('/ws/team.json', text);
      const lenient = parseRosterSource('/ws/team.json', `${text}\n// lenient`);
      assert.deepEqual(strict, lenient, text);
    }
  });
});

describe('rosters prepared in steps', () => {
  const config: ResolvedConfig = {
    config: { contributors: { sources: ['team.json'] } },
    problems: [],
    path: '/ws/.minutesrc.json',
    baseDir: '/ws',
  };
  const files: Record<string, string> = {
    '/ws/team.json': JSON.stringify({ maintainers: ['Wine93', { github: 'kilo-k', name: 'Kilo Kay' }], reviewers: ['ada-dev'] }),
    '/ws/minutes/a.md': '## 会议内容\n\n- 议题 @ada-dev @guest\n',
    '/ws/minutes/b.md': '- @ada-dev\n',
  };
  const countingHost = () => {
    const reads = new Map<string, number>();
    const host: RosterHost = {
      readFile: (path) => {
        reads.set(path, (reads.get(path) ?? 0) + 1);
        return files[path];
      },
      listMinutes: () => Object.keys(files).filter((p) => p.endsWith('.md')),
    };
    return { host, reads };
  };
  const ranking = (roster: Roster | undefined) => roster?.complete('', 50).map((c) => c.person.handle);

  it('stops between steps, and a request in between does only what is left', () => {
    const { host, reads } = countingHost();
    const store = new RosterStore(host, { scanMinutes: true });
    const steps = store.preparing(config, '/ws');
    let taken = 0;
    for (; taken < 3; taken++) assert.equal(steps.next().done, false);
    assert.equal(reads.get('/ws/team.json'), 1, 'the roster file is read in the first step');
    const roster = store.rosterFor(config, '/ws');
    assert.deepEqual(ranking(roster), ['ada-dev', 'guest', 'kilo-k', 'Wine93']);
    while (!steps.next().done) taken++;
    assert.ok(taken > 5, `${taken} steps`);
    assert.equal(store.rosterFor(config, '/ws'), roster, 'the steps finished the same roster');
    for (const [path, n] of reads) assert.equal(n, 1, `${path} read once`);
  });

  it('builds the same roster as reading it at once', () => {
    const atOnce = new RosterStore(countingHost().host, { scanMinutes: true }).rosterFor(config, '/ws');
    const store = new RosterStore(countingHost().host, { scanMinutes: true });
    const steps = store.preparing(config, '/ws');
    while (!steps.next().done);
    const prepared = store.rosterFor(config, '/ws');
    assert.deepEqual(ranking(prepared), ranking(atOnce));
    for (const q of ['k', 'ada', 'Kay', 'ine']) assert.deepEqual(prepared?.complete(q, 5), atOnce?.complete(q, 5), q);
  });

  it('takes in a minutes file that changes while the minutes are being scanned', () => {
    const { host } = countingHost();
    const store = new RosterStore(host, { scanMinutes: true });
    const steps = store.preparing(config, '/ws');
    for (let i = 0; i < 3; i++) steps.next(); // the roster file, the listing, a.md: b.md is still to read
    const saved = files['/ws/minutes/a.md'];
    files['/ws/minutes/a.md'] = '- @zed-newcomer\n';
    try {
      store.fileChanged('/ws/minutes/a.md');
      while (!steps.next().done);
      const roster = store.rosterFor(config, '/ws');
      assert.ok(roster?.person('zed-newcomer'), 'the saved text counts');
      assert.equal(roster?.person('guest'), undefined, 'the text it replaced does not');
    } finally {
      files['/ws/minutes/a.md'] = saved;
    }
  });
});
