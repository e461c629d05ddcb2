import assert from 'node:assert/strict';
import { parseRosterSource, Roster, type RosterEntry } from '../../server/src/core/roster';
import { readingRosterSource } from '../../server/src/core/roster/sources';
import { RosterStore, type RosterHost } from '../../server/src/core/roster/store';
import { completeUnranked } from '../../server/src/core/roster/unranked';
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

describe('completion from the roster files alone (before the roster is built)', () => {
  const entries = [
    entry('zed-wang', 'Wang Zed'),
    entry('wang', 'Someone'),
    entry('Wangpan', 'Pan Wang'),
    entry('ada', 'Ada Wangari'),
    entry('kowang', 'Ko'),
    entry('wangpan', 'Duplicate'),
    entry('lee', '熊伟'),
  ];
  const handles = (q: string, limit = 50) => completeUnranked(entries, q, limit).map((c) => c.person.handle);

  it('matches the way the index does, by kind of match, each kind in file order', () => {
    // The login itself, logins starting with it, names starting with it, then logins and names containing it.
    assert.deepEqual(handles('wang'), ['wang', 'Wangpan', 'zed-wang', 'ada', 'kowang']);
    assert.deepEqual(
      completeUnranked(entries, 'wang', 50).map((c) => c.match),
      ['handle', 'handle', 'name', 'name', 'handle'],
    );
    assert.equal(completeUnranked(entries, 'wang', 50)[2].matchedName, 'Wang Zed');
  });

  it('lists each login once (its first entry), everyone for an empty query, no more than asked', () => {
    assert.deepEqual(handles(''), ['zed-wang', 'wang', 'Wangpan', 'ada', 'kowang', 'lee']);
    assert.deepEqual(handles('', 2), ['zed-wang', 'wang']);
    assert.deepEqual(handles('wang', 2), ['wang', 'Wangpan']);
    assert.equal(completeUnranked(entries, 'wangpan', 5)[0].person.name, 'Pan Wang');
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
    assert.deepEqual(labels(first.candidates).slice(0, 3), ['user-0000', 'user-0001', 'user-0002'], 'file order');
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
