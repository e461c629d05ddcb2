import assert from 'node:assert/strict';
import {
  Roster,
  scanUsage,
  UsageIndex,
  type CompletionCandidate,
  type HandleUsage,
  type Person,
  type RosterEntry,
} from '../../server/src/core/roster';
import { nameKeys } from '../../server/src/core/roster/search';
import { seededRandom } from '../../scripts/edits';

/**
 * The ranking @-completion promises, written the obvious way: every person's best match,
 * all of them sorted. The index must give the same people in the same order, however it gets there.
 */
function expected(people: readonly Person[], query: string, limit: number, usage: (h: string) => HandleUsage | undefined) {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const matches = people.flatMap((person) => {
    const m = bestMatch(person, q);
    const used = usage(person.handle);
    return m ? [{ ...m, person, files: used?.files.length ?? 0, lastDate: used?.lastDate ?? '' }] : [];
  });
  matches.sort(
    (a, b) =>
      a.tier - b.tier ||
      b.files - a.files ||
      (a.lastDate === b.lastDate ? 0 : a.lastDate < b.lastDate ? 1 : -1) ||
      Number(b.person.declared) - Number(a.person.declared) ||
      (a.person.handle.toLowerCase() < b.person.handle.toLowerCase() ? -1 : 1),
  );
  return matches.slice(0, limit).map(({ person, match, matchedName }) => ({ person, match, matchedName }));
}

function bestMatch(person: Person, q: string): { tier: number; match: CompletionCandidate['match']; matchedName?: string } | undefined {
  const handle = person.handle.toLowerCase();
  const keyed = person.names.map((name) => ({ name, keys: nameKeys(name) }));
  if (!q) return { tier: 1, match: 'all' };
  if (handle === q) return { tier: 1, match: 'handle' };
  if (handle.startsWith(q)) return { tier: 2, match: 'handle' };
  const prefix = keyed.find((n) => n.keys.some((k) => k.startsWith(q)));
  if (prefix) return { tier: 3, match: 'name', matchedName: prefix.name };
  if (q.length < 2) return undefined;
  if (handle.includes(q)) return { tier: 4, match: 'handle' };
  const inside = keyed.find((n) => n.keys[0]?.includes(q));
  return inside ? { tier: 5, match: 'name', matchedName: inside.name } : undefined;
}

const FAMILIES = ['wang', 'li', 'zhang', 'chen', 'wu', 'xiong', 'lv'];
const GIVEN = ['wei', 'na', 'min', 'jie', 'xin', 'cong'];
const HAN = ['王伟', '李娜', '熊伟', '吕从庆', '陈敏', '吴杰'];

/** A roster of `size` people with romanised and Chinese names, some mentioned by minutes (usage ties included). */
function randomRoster(size: number, seed: number): Roster {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const entries: RosterEntry[] = [];
  for (let i = 0; i < size; i++) {
    const family = pick(FAMILIES);
    const given = pick(GIVEN);
    const login = [`${family}${given}${i}`, `${given}-${family}`, `W${given}${i % 7}`, `x${i}`][Math.floor(random() * 4)];
    const name = random() < 0.2 ? pick(HAN) : random() < 0.8 ? `${family[0].toUpperCase()}${family.slice(1)} ${given}` : undefined;
    entries.push({
      handle: login,
      forge: 'github',
      name,
      roles: ['member'],
      source: { kind: 'team-json', path: '/ws/team.json', line: i },
    });
  }
  const usage = new UsageIndex();
  for (let f = 0; f < 12; f++) {
    const mentioned = Array.from({ length: 1 + Math.floor(random() * 6) }, () => `@${pick(entries).handle}`);
    // Names written before a login, and logins nobody declared (people only the minutes know).
    const lines = [`熊伟（@${pick(entries).handle}）`, `- ${mentioned.join(' ')} @guest${f % 3}`];
    usage.set(scanUsage(`/ws/2024/2024-0${1 + (f % 9)}-1${f % 10}.md`, lines.join('\n')));
  }
  return new Roster({ entries, usage });
}

const handlesOf = (cs: CompletionCandidate[]) => cs.map((c) => [c.person.handle, c.match, c.matchedName ?? ''].join(' '));

describe('the completion index', () => {
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
    'lcq',
    'ei',
    'n-l',
    'guest',
    'zzz',
    'Chen M',
    'i',
  ];

  it('offers the same people in the same order as ranking every match, at any limit', () => {
    for (const seed of [1, 2, 3]) {
      const roster = randomRoster(400, seed);
      const usage = (h: string) => roster.usage(h);
      for (const q of queries) {
        for (const limit of [1, 3, 50, 1000]) {
          assert.deepEqual(
            handlesOf(roster.complete(q, limit)),
            handlesOf(expected(roster.people(), q, limit, usage)),
            `seed ${seed}, query ${JSON.stringify(q)}, limit ${limit}`,
          );
        }
      }
    }
  });

  it('ranks the login typed exactly first, however little the minutes mention it', () => {
    const roster = randomRoster(200, 7);
    const someone = roster.people().find((p) => /^x\d+$/.test(p.handle))!;
    assert.equal(roster.complete(someone.handle.toUpperCase(), 5)[0].person.handle, someone.handle);
    assert.equal(roster.complete(someone.handle, 5)[0].match, 'handle');
  });

  it('follows the usage index: a newly saved minutes file re-ranks the people it mentions', () => {
    const usage = new UsageIndex();
    const entries: RosterEntry[] = ['wang-a', 'wang-b', 'wang-c'].map((handle, line) => ({
      handle,
      forge: 'github',
      roles: ['member'],
      source: { kind: 'team-json', path: '/ws/team.json', line },
    }));
    const roster = new Roster({ entries, usage });
    roster.prepareCompletion();
    assert.deepEqual(
      roster.complete('wang', 3).map((c) => c.person.handle),
      ['wang-a', 'wang-b', 'wang-c'],
    );
    usage.set(scanUsage('/ws/2024-05-01.md', '- @wang-c and @wang-b\n'));
    usage.set(scanUsage('/ws/2024-05-08.md', '- @wang-c\n'));
    assert.deepEqual(
      roster.complete('wang', 3).map((c) => c.person.handle),
      ['wang-c', 'wang-b', 'wang-a'],
    );
  });

  it('answers a one-letter query from the people that letter starts, by login or by name', () => {
    const roster = new Roster({
      entries: [
        { handle: 'myeuler', forge: 'gitee', name: '熊伟', roles: [], source: { kind: 'sig-info', path: '/s.yaml', line: 1 } },
        { handle: 'Wine93', forge: 'github', name: 'Wine Ninety', roles: [], source: { kind: 'team-json', path: '/t.json', line: 2 } },
        { handle: 'zq_216', forge: 'gitee', name: 'Zhao Qian', roles: [], source: { kind: 'sig-info', path: '/s.yaml', line: 3 } },
      ],
    });
    assert.deepEqual(
      roster.complete('x').map((c) => [c.person.handle, c.matchedName]),
      [['myeuler', '熊伟']],
    );
    assert.deepEqual(
      roster.complete('n').map((c) => [c.person.handle, c.matchedName]),
      [['Wine93', 'Wine Ninety']],
      'the second word of a name',
    );
    assert.deepEqual(
      roster.complete('q').map((c) => c.person.handle),
      ['zq_216'],
      '"Qian"',
    );
    assert.deepEqual(roster.complete('9'), [], 'no login or name starts with 9; inside matches need two characters');
  });
});
