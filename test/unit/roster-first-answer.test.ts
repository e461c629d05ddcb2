import assert from 'node:assert/strict';
import { parseRosterSource, Roster, scanUsage, UsageIndex, type CompletionCandidate, type RosterEntry } from '../../server/src/core/roster';
import { CompletionIndex } from '../../server/src/core/roster/completionIndex';
import { completePartial } from '../../server/src/core/roster/partial';
import { nameKeys } from '../../server/src/core/roster/search';
import { readingRosterSource } from '../../server/src/core/roster/sources';
import { RosterStore, type RosterHost } from '../../server/src/core/roster/store';
import { seededRandom } from '../../scripts/edits';
import type { ResolvedConfig } from '../../server/src/core/config/types';

/** A team.json of `n` people: logins `user-0000`…, every tenth with a Chinese name, the others romanised. */
function bigTeam(n: number): string {
  const people = Array.from({ length: n }, (_, i) => {
    const github = `user-${String(i).padStart(4, '0')}`;
    return i % 10 === 3 ? { github, name: '熊伟' } : { github, name: `Person ${i}` };
  });
  return JSON.stringify({ maintainers: people.slice(0, 20), reviewers: people.slice(20) }, null, 2);
}

const entry = (handle: string, name?: string): RosterEntry => ({
  handle,
  forge: 'github',
  name,
  roles: ['maintainer'],
  source: { kind: 'team-json', path: '/ws/team.json', line: 1 },
});

describe('the first answer, from the roster files alone (before the roster is built)', () => {
  const entries = [
    entry('zed-wang', 'Wang Zed'),
    entry('wang', 'Someone'),
    entry('Wangpan', 'Pan Wang'),
    entry('ada', 'Ada Wangari'),
    entry('kowang', 'Ko'),
    entry('wangpan', 'Duplicate'),
    entry('lee', '熊伟'),
  ];
  const answer = (q: string, limit = 50) => completePartial(entries, {}, q, limit, undefined);
  const handles = (q: string, limit = 50) => answer(q, limit).map((c) => c.person.handle);

  it('matches and ranks the way the index does: by kind of match, then by login when nobody is mentioned', () => {
    // The login itself, logins starting with it, names starting with it, then logins and names containing it.
    assert.deepEqual(handles('wang'), ['wang', 'Wangpan', 'ada', 'zed-wang', 'kowang']);
    assert.deepEqual(
      answer('wang').map((c) => [c.match, c.matchedName]),
      [
        ['handle', undefined],
        ['handle', undefined],
        ['name', 'Ada Wangari'],
        ['name', 'Wang Zed'],
        ['handle', undefined],
      ],
    );
    assert.deepEqual(
      handles('wang'),
      new Roster({ entries }).complete('wang').map((c) => c.person.handle),
    );
  });

  it('merges the entries of a login, offers everyone for an empty query, no more than asked', () => {
    assert.deepEqual(handles(''), ['ada', 'kowang', 'lee', 'wang', 'Wangpan', 'zed-wang']);
    assert.deepEqual(handles('', 2), ['ada', 'kowang']);
    assert.deepEqual(handles('wang', 2), ['wang', 'Wangpan']);
    assert.deepEqual(handles('wang', 0), []);
    const wangpan = answer('wangpan', 5)[0].person;
    assert.equal(wangpan.name, 'Pan Wang');
    assert.deepEqual(wangpan.names, ['Pan Wang', 'Duplicate']);
    assert.deepEqual(answer('dupl')[0].matchedName, 'Duplicate', "a later entry's name finds the person");
  });

  it('compares names as written: pinyin waits for the index', () => {
    assert.deepEqual(handles('熊'), ['lee']);
    assert.deepEqual(handles('xiong'), []);
    const roster = new Roster({ entries });
    assert.deepEqual(
      roster.complete('xiong', 5).map((c) => c.person.handle),
      ['lee'],
    );
  });

  it('gives an OWNERS group to its members, as the roster does', () => {
    const owners: RosterEntry = { ...entry('sig-leads'), source: { kind: 'owners', path: '/ws/OWNERS', line: 2 } };
    const groups = { 'SIG-Leads': ['ana', 'bo'] };
    assert.deepEqual(
      completePartial([owners, entry('bob')], groups, 'b', 50, undefined).map((c) => c.person.handle),
      ['bo', 'bob'],
    );
    assert.deepEqual(
      completePartial([owners], groups, '', 50, undefined).map((c) => c.person.handle),
      new Roster({ entries: [owners], groups }).complete('').map((c) => c.person.handle),
    );
  });
});

/** Seeded rosters: logins repeated across entries (merged), romanised and Chinese names, minutes mentioning some with names beside. */
function seededEntries(size: number, seed: number, han: boolean, unique = false): { entries: RosterEntry[]; usage: UsageIndex } {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const families = ['wang', 'li', 'zhang', 'chen', 'wu', 'xiong', 'lv'];
  const givens = ['wei', 'na', 'min', 'jie', 'xin', 'cong'];
  const hanNames = ['王伟', '李娜', '熊伟', '吕从庆', '陈敏', '吴杰'];
  const entries: RosterEntry[] = [];
  for (let i = 0; i < size; i++) {
    const family = pick(families);
    const given = pick(givens);
    const repeated = [`${family}${given}${i}`, `${given}-${family}`, `W${given}${i % 7}`, `x${i}`][Math.floor(random() * 4)];
    const login = unique ? `${repeated}-${i}` : repeated;
    const name =
      han && random() < 0.2 ? pick(hanNames) : random() < 0.8 ? `${family[0].toUpperCase()}${family.slice(1)} ${given}` : undefined;
    entries.push({ ...entry(login, name), source: { kind: 'team-json', path: '/ws/team.json', line: i } });
  }
  const usage = new UsageIndex();
  for (let f = 0; f < 12; f++) {
    const mentioned = Array.from({ length: 1 + Math.floor(random() * 6) }, () => `@${pick(entries).handle}`);
    const lines = [`${han ? '熊伟' : 'Xiong Wei'}（@${pick(entries).handle}）`, `- ${mentioned.join(' ')} @guest${f % 3}`];
    usage.set(scanUsage(`/ws/2024/2024-0${1 + (f % 9)}-1${f % 10}.md`, lines.join('\n')));
  }
  return { entries, usage };
}

const shown = (cs: CompletionCandidate[]) =>
  cs.map((c) => [c.person.handle, c.match, c.matchedName ?? '', c.person.names.join('|')].join(' '));

describe("the first answer is the finished index's, restricted to the people read so far", () => {
  const queries = [
    '',
    'w',
    'W',
    'wa',
    'wang',
    'wangwei',
    'wei',
    'x',
    'xw',
    'xiong',
    '熊',
    '熊伟',
    'lv',
    'lu',
    'ei',
    'n-l',
    'guest',
    'zzz',
    'Chen M',
    'i',
  ];

  it('for seeded rosters of romanised names, with and without mentions, at any limit', () => {
    for (const seed of [1, 2, 3]) {
      for (const unique of [true, false]) {
        const { entries, usage } = seededEntries(400, seed, false, unique);
        const whole = new Roster({ entries, usage });
        for (const read of [37, 150, 400]) {
          const readLogins = new Set(entries.slice(0, read).map((e) => e.handle!.toLowerCase()));
          // Logins listed again further down may be found by a name read later: compare with the roster of what is read.
          const asRead = unique ? whole : new Roster({ entries: entries.slice(0, read), usage });
          const context = `seed ${seed}, ${unique ? 'unique' : 'repeated'} logins, ${read} read`;
          for (const q of queries) {
            for (const limit of [1, 3, 50, 1000]) {
              const restricted = asRead
                .complete(q, 10000)
                .filter((c) => c.person.declared && readLogins.has(c.person.handle.toLowerCase()))
                .slice(0, limit);
              assert.deepEqual(
                shown(completePartial(entries.slice(0, read), {}, q, limit, usage)),
                shown(restricted),
                `${context}, query ${JSON.stringify(q)}, limit ${limit}`,
              );
            }
            // Before the minutes are scanned: as the index ranks nobody mentioned.
            const index = new CompletionIndex(new Roster({ entries: entries.slice(0, read) }).people(), () => undefined);
            assert.deepEqual(
              shown(completePartial(entries.slice(0, read), {}, q, 50, undefined)),
              shown(index.complete(q, 50)),
              `${context}, no mentions, query ${JSON.stringify(q)}`,
            );
          }
        }
      }
    }
  });

  it('for seeded rosters with Chinese names, names keyed as written (the index keyed the same way)', () => {
    for (const seed of [4, 5]) {
      const { entries, usage } = seededEntries(300, seed, true);
      for (const read of [60, 300]) {
        const roster = new Roster({ entries: entries.slice(0, read), usage });
        const declared = roster.people().filter((p) => p.declared);
        const index = new CompletionIndex(
          declared,
          (h) => usage.get(h),
          (n) => nameKeys(n, { pinyin: false }),
        );
        for (const q of queries) {
          for (const limit of [3, 50]) {
            assert.deepEqual(
              shown(completePartial(entries.slice(0, read), {}, q, limit, usage)),
              shown(index.complete(q, limit)),
              `seed ${seed}, ${read} read, ${JSON.stringify(q)}, limit ${limit}`,
            );
          }
        }
      }
    }
  });
});

describe('a large team.json read in steps', () => {
  const text = bigTeam(1200);

  it('gives what reading it at once gives, with the people in as they are read', () => {
    const entries: RosterEntry[] = [];
    const steps = readingRosterSource('/ws/team.json', text, entries);
    let taken = 0;
    let seenMidway = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) {
      taken++;
      if (entries.length > 0 && entries.length < 1200) seenMidway++;
    }
    assert.ok(taken >= 5, `${taken} steps`);
    assert.ok(seenMidway >= 3, 'people are in before the file is read to the end');
    const whole = parseRosterSource('/ws/team.json', text);
    assert.deepEqual(entries, whole.entries);
  });
});

describe('RosterStore.completeSoon', () => {
  const config: ResolvedConfig = {
    config: { contributors: { sources: ['team.json'] } },
    problems: [],
    path: '/ws/.minutesrc.json',
    baseDir: '/ws',
  };
  const hostOf = (files: Record<string, string>): RosterHost => ({
    readFile: (path) => files[path],
    fileSize: (path) => files[path]?.length,
    listMinutes: () => Object.keys(files).filter((p) => p.endsWith('.md')),
  });
  const labels = (candidates: Array<{ person: { handle: string } }>) => candidates.map((c) => c.person.handle);

  it('answers a large roster from the file read so far, then from the index once the background steps built it', () => {
    const files = { '/ws/team.json': bigTeam(3000), '/ws/minutes/a.md': '- @user-2999 @user-2999\n' };
    const store = new RosterStore(hostOf(files), { scanMinutes: true });
    const steps = store.preparing(config, '/ws');
    steps.next(); // the read of team.json has begun, nobody is in yet
    const first = store.completeSoon(config, '/ws', '', 50);
    assert.equal(first.partial, true);
    assert.equal(first.roster, undefined, 'nothing was built for it');
    assert.deepEqual(
      labels(first.candidates).slice(0, 3),
      ['user-0000', 'user-0001', 'user-0002'],
      'by login: nobody is mentioned before the minutes are scanned',
    );
    assert.equal(first.candidates.length, 50);
    assert.equal(store.completeSoon(config, '/ws', 'xiongwei', 50).candidates.length, 0, 'no pinyin yet');

    while (!steps.next().done);
    const atOnce = new RosterStore(hostOf(files), { scanMinutes: true }).rosterFor(config, '/ws')!;
    for (const q of ['', 'u', 'user-29', 'xiongwei', 'person 1']) {
      const later = store.completeSoon(config, '/ws', q, 50);
      assert.equal(later.partial, false, q);
      assert.deepEqual(labels(later.candidates), labels(atOnce.complete(q, 50)), q);
    }
    assert.equal(labels(store.completeSoon(config, '/ws', '', 50).candidates)[0], 'user-2999', 'ranked by mentions');
  });

  it('begins reading the roster file itself when nothing was read yet (the background steps let the request go first)', () => {
    const files = { '/ws/team.json': bigTeam(3000) };
    const store = new RosterStore(hostOf(files), { scanMinutes: true });
    const first = store.completeSoon(config, '/ws', 'user-00', 50);
    assert.equal(first.partial, true);
    assert.deepEqual(labels(first.candidates).slice(0, 2), ['user-0000', 'user-0001']);
    assert.equal(first.candidates.length, 50);
    const steps = store.preparing(config, '/ws');
    while (!steps.next().done);
    assert.deepEqual(
      labels(store.completeSoon(config, '/ws', 'user-00', 50).candidates),
      labels(first.candidates),
      'the read carried on, and the same answer once indexed',
    );
  });

  it('builds a small roster on the spot, as before', () => {
    const files = { '/ws/team.json': bigTeam(300), '/ws/minutes/a.md': '- @user-0299\n' };
    const store = new RosterStore(hostOf(files), { scanMinutes: true });
    const soon = store.completeSoon(config, '/ws', '', 50);
    assert.equal(soon.partial, false);
    assert.equal(labels(soon.candidates)[0], 'user-0299');
    assert.ok(store.isReady(config, '/ws'));
  });

  it('finishes reading a roster file that changed while it was read, with the new text', () => {
    const files: Record<string, string> = { '/ws/team.json': bigTeam(3000) };
    const store = new RosterStore(hostOf(files), { scanMinutes: true });
    const steps = store.preparing(config, '/ws');
    for (let i = 0; i < 6; i++) steps.next();
    files['/ws/team.json'] = JSON.stringify({ maintainers: ['only-one'] });
    store.fileChanged('/ws/team.json');
    while (!steps.next().done);
    assert.deepEqual(
      store
        .rosterFor(config, '/ws')
        ?.people()
        .map((p) => p.handle),
      ['only-one'],
    );
  });
});
