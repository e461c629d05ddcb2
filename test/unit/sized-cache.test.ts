import assert from 'node:assert/strict';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import { clearMeetingCache, forgetMeetingsExcept, meetingOf, orderMeetings } from '../../server/src/core/items/meetings';
import { ParseMemo, SERIES_CACHE_CHARS } from '../../server/src/core/series/memo';
import { SizedCache } from '../../server/src/core/text/sized-cache';

describe('SizedCache: least recently used, bounded by size', () => {
  it('drops the least recently used entries while over its size, never the newest', () => {
    const cache = new SizedCache<string>(10);
    cache.set('a', 'A', 4);
    cache.set('b', 'B', 4);
    assert.equal(cache.get('a'), 'A'); // now b is the least recently used
    cache.set('c', 'C', 4);
    assert.deepEqual(
      ['a', 'b', 'c'].map((k) => cache.get(k)),
      ['A', undefined, 'C'],
    );
    assert.equal(cache.size, 8);
    cache.set('huge', 'H', 50);
    assert.deepEqual(
      ['a', 'c', 'huge'].map((k) => cache.get(k)),
      [undefined, undefined, 'H'],
    );
    assert.equal(cache.size, 50);
  });

  it('`fit` raises the limit, never lowers it', () => {
    const cache = new SizedCache<number>(10);
    cache.fit(5);
    ['a', 'b', 'c'].forEach((key, i) => cache.set(key, i, 4));
    assert.equal(cache.get('a'), undefined, 'still 10');
    cache.fit(12);
    cache.set('d', 3, 4);
    assert.deepEqual(
      ['b', 'c', 'd'].map((k) => cache.get(k)),
      [1, 2, 3],
    );
  });

  it('counts an entry set again once, and forgets what `retain` refuses', () => {
    const cache = new SizedCache<number>(100);
    cache.set('a', 1, 30);
    cache.set('a', 2, 40);
    cache.set('b', 3, 20);
    assert.equal(cache.size, 60);
    cache.retain((key) => key !== 'a');
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 20);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});

describe('series caches bounded by characters', () => {
  const template = (path: string, text: string) => resolveTemplate(path, text, { spec: builtinTemplate('generic')!, reason: 'test' });
  const minutes = (n: number) => `# Meeting ${n}\n\n## Attendees\n\n- Ann\n\n## Notes\n\n- ${'word '.repeat(n)}\n`;
  afterEach(() => clearMeetingCache());

  it('a parse memo keeps the documents whose texts fit in its characters', () => {
    const texts = [1, 2, 3].map((i) => ({ path: `m/2024-0${i}-01.md`, text: minutes(100) }));
    const memo = new ParseMemo(2.5 * texts[0].text.length); // two of them
    const parse = ({ path, text }: (typeof texts)[number]) => memo.parse(path, text, template(path, text));
    const docs = texts.map(parse);
    assert.equal(parse(texts[2]), docs[2]);
    assert.equal(parse(texts[1]), docs[1]);
    const first = parse(texts[0]);
    assert.notEqual(first, docs[0], 'the first was dropped for the others');
    assert.deepEqual(first, docs[0], 'parsed again, the same');
  });

  it('a series larger than the caches is parsed once, not once per file', () => {
    // Every file's series rules order all members: with caches smaller than the series, least
    // recently used evicts each member just before it is read again (a folder of 250 long
    // articles took minutes and gigabytes).
    const count = 12;
    const size = 80 * Math.ceil((1.2 * SERIES_CACHE_CHARS) / count / 80);
    const files = Array.from({ length: count }, (_, i) => {
      const path = `big/2024-01-${String(i + 1).padStart(2, '0')}.md`;
      return { path, text: `# Meeting ${i + 1}\n\n## Notes\n\n${`${'x'.repeat(79)}\n`.repeat(size / 80)}` };
    });
    const spec = template(files[0].path, files[0].text);
    const first = orderMeetings(files, spec);
    const again = orderMeetings(files, spec);
    assert.equal(first.length, count);
    again.forEach((meeting, i) => assert.equal(meeting, first[i], `${meeting.path} parsed again`));
  });

  it('forgetting the files of closed series keeps those of open ones', () => {
    const open = { path: 'open/2024-01-01.md', text: minutes(3) };
    const closed = { path: 'closed/2024-01-01.md', text: minutes(3) };
    const [a, b] = [open, closed].map((f) => meetingOf(f, template(f.path, f.text)));
    forgetMeetingsExcept((path) => path.startsWith('open/'));
    assert.equal(meetingOf(open, template(open.path, open.text)), a);
    const reread = meetingOf(closed, template(closed.path, closed.text));
    assert.notEqual(reread, b);
    assert.deepEqual(reread, b);
  });
});
