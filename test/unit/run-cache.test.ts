import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { parseMarkdownGuarded } from '../../server/src/core/model/markdown';
import { SeriesIndex } from '../../server/src/core/series';
import { ParseMemo } from '../../server/src/core/series/memo';
import { profileMinutes } from '../../server/src/core/series/profile';
import { DiskRunCache, entryName, MAX_ENTRY_BYTES } from '../../server/src/node/tree-cache';
import { example } from '../cli/run';
import { ROOT } from '../helpers';

// What the CLI keeps between runs in the user's cache folder (node/tree-cache.ts): a kept tree or
// profile must be the very one a parse of the same text gives, and anything else must be a miss.

const HASH = 'ab'.repeat(32);
const OTHER_HASH = 'cd'.repeat(32);
const TEXT = example('curve/2024-03-14.md');
const PATH = 'meetings/2024-03-14.md';

/** The value as JSON carries it: properties holding `undefined` are left out. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the cache of trees and series profiles between CLI runs', () => {
  let folder: string;
  const open = (hash = HASH) => DiskRunCache.open({ folder, bundleHash: hash })!;
  const entryFile = (kind: string, key: string, hash = HASH) => join(folder, `trees-${hash.slice(0, 16)}`, entryName(kind, key));
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'minutes-run-cache-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('gives back the tree a parse of the same text gives, and nothing for another text', () => {
    const parsed = parseMarkdownGuarded(TEXT);
    open().trees.set(TEXT, parsed);
    const cache = open();
    assert.deepEqual(cache.trees.get(TEXT), asJson(parsed));
    assert.equal(cache.trees.get(`${TEXT}\n`), undefined);
    assert.deepEqual(cache.counts, { hits: 1, misses: 1, written: 0 });
  });

  it('keeps a profile by path and text: another path or a changed text is a miss', () => {
    const profile = profileMinutes(PATH, TEXT);
    open().profiles.set(PATH, TEXT, profile);
    const cache = open();
    assert.deepEqual(cache.profiles.get(PATH, TEXT), asJson(profile));
    assert.equal(cache.profiles.get('other/2024-03-14.md', TEXT), undefined);
    assert.equal(cache.profiles.get(PATH, TEXT.replace('快照', '镜像')), undefined);
  });

  it('never hands out an entry whose key is not the text asked for, even under its name', () => {
    const changed = TEXT.replace('下个版本', '下下个版本');
    open().trees.set(TEXT, parseMarkdownGuarded(TEXT));
    // As if two texts' names collided: the old text's entry where the new text's would be.
    writeFileSync(entryFile('tree', changed), readFileSync(entryFile('tree', TEXT)));
    assert.equal(open().trees.get(changed), undefined);
  });

  it('ignores a damaged, truncated, oversized, foreign or malformed entry', () => {
    const parsed = parseMarkdownGuarded(TEXT);
    open().trees.set(TEXT, parsed);
    const file = entryFile('tree', TEXT);
    const good = readFileSync(file);
    const miss = (bytes: Buffer | undefined, why: string) => {
      if (bytes) writeFileSync(file, bytes);
      assert.equal(open().trees.get(TEXT), undefined, why);
    };
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1] ^= 0x01;
    miss(flipped, 'one bit changed');
    miss(good.subarray(0, good.length - 10), 'truncated');
    miss(Buffer.alloc(2), 'shorter than its checksum');
    // A well-formed entry of another bundle, or one whose value is not a tree, under a valid checksum.
    const sealed = (entry: unknown) => {
      const body = Buffer.from(JSON.stringify(entry));
      const sum = Buffer.alloc(4);
      sum.writeUInt32LE(zlib.crc32(body));
      return Buffer.concat([sum, body]);
    };
    miss(sealed({ format: 1, bundle: OTHER_HASH, key: TEXT, value: parsed }), 'another bundle');
    miss(sealed({ format: 1, bundle: HASH, key: TEXT, value: { root: { type: 'paragraph' }, degraded: [] } }), 'not a tree');
    miss(sealed({ format: 1, bundle: HASH, key: TEXT, value: null }), 'no value');
    miss(sealed(['not', 'an', 'entry']), 'not an entry');
    writeFileSync(file, good);
    truncateSync(file, MAX_ENTRY_BYTES + 1);
    miss(undefined, 'oversized');
    writeFileSync(file, good);
    assert.deepEqual(open().trees.get(TEXT), asJson(parsed), 'the good entry again');
  });

  it('stays within its bounds, the oldest entries and bundles going first', () => {
    const limits = { entries: 8, bytes: 1024 * 1024 };
    const first = new DiskRunCache({ folder, bundleHash: HASH }, limits);
    for (let i = 0; i < 20; i++) first.trees.set(`# Minutes ${i}\n`, parseMarkdownGuarded(`# Minutes ${i}\n`));
    const dir = join(folder, `trees-${HASH.slice(0, 16)}`);
    // Written long ago, whatever the clock's resolution.
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), new Date(2020, 0, 1), new Date(2020, 0, 1));
    // One process prunes when it first writes: the next one brings the folder within bounds.
    new DiskRunCache({ folder, bundleHash: HASH }, limits).trees.set('# Last\n', parseMarkdownGuarded('# Last\n'));
    assert.ok(readdirSync(dir).length <= 6, readdirSync(dir).join());
    assert.ok(open().trees.get('# Last\n'));
    for (const hash of ['01', '02', '03'].map((h) => h.repeat(32))) open(hash).trees.set('# x\n', parseMarkdownGuarded('# x\n'));
    const bundles = readdirSync(folder).filter((name) => name.startsWith('trees-'));
    assert.ok(bundles.length <= 3, bundles.join());
    assert.ok(bundles.includes(`trees-${'03'.repeat(8)}`));
  });

  it('writes at most a quarter of its bound in one run: an archive run does not write every tree only to prune it', () => {
    const cache = new DiskRunCache({ folder, bundleHash: HASH }, { entries: 1000, bytes: 64 * 1024 });
    const texts = Array.from({ length: 200 }, (_, i) => `# Minutes ${i}\n\n- item ${i}\n`);
    for (const text of texts) cache.trees.set(text, parseMarkdownGuarded(text));
    const dir = join(folder, `trees-${HASH.slice(0, 16)}`);
    const bytes = readdirSync(dir).reduce((n, name) => n + readFileSync(join(dir, name)).length, 0);
    assert.ok(bytes > 0 && bytes <= 16 * 1024, `${bytes} bytes written`);
    assert.ok(readdirSync(dir).length < texts.length);
    assert.ok(cache.trees.get(texts[0]), 'what was written is read back');
  });

  it('is no cache without a bundle hash, and a folder it cannot write costs nothing but the parse', () => {
    assert.equal(DiskRunCache.open({ folder, bundleHash: 'dev' }), undefined);
    assert.equal(DiskRunCache.open(undefined), undefined);
    const blocked = join(folder, 'blocked');
    writeFileSync(blocked, 'a file where the cache folder would go');
    const cache = DiskRunCache.open({ folder: blocked, bundleHash: HASH })!;
    cache.trees.set(TEXT, parseMarkdownGuarded(TEXT));
    assert.equal(cache.trees.get(TEXT), undefined);
    assert.equal(cache.counts.written, 0);
  });

  it('serves a series index and its parses: a changed sibling is read anew, the others are not parsed again', () => {
    const dir = 'minutes';
    const texts: Record<string, string> = {
      [`${dir}/2024-02-29.md`]: TEXT.replace('示例', '二月'),
      [`${dir}/2024-03-14.md`]: TEXT.replace('近期工作', '近期进展'),
      [`${dir}/2024-03-28.md`]: TEXT,
    };
    const build = (cache: DiskRunCache) => {
      const parses = new ParseMemo(1 << 20);
      parses.store = cache.trees;
      const index = new SeriesIndex({ parses, profiles: cache.profiles });
      for (const [path, text] of Object.entries(texts)) index.set(path, text);
      return index;
    };
    const fresh = new SeriesIndex({ parses: new ParseMemo(1 << 20) });
    for (const [path, text] of Object.entries(texts)) fresh.set(path, text);
    const cold = open();
    build(cold);
    assert.deepEqual(cold.counts, { hits: 0, misses: 6, written: 6 });
    const warm = open();
    const index = build(warm);
    // Three profiles found, so no parse was asked for.
    assert.deepEqual(warm.counts, { hits: 3, misses: 0, written: 0 });
    assert.deepEqual(asJson(index.seriesOf(`${dir}/2024-03-28.md`)), asJson(fresh.seriesOf(`${dir}/2024-03-28.md`)));
    texts[`${dir}/2024-03-14.md`] = TEXT.replace('近期工作', '本期工作');
    const changed = open();
    const again = build(changed);
    // The changed file's profile and tree are missed and written; the two others are found.
    assert.deepEqual(changed.counts, { hits: 2, misses: 2, written: 2 });
    const sections = again.seriesOf(`${dir}/2024-03-28.md`)!.members.find((m) => m.path.endsWith('03-14.md'))!.sections;
    assert.ok(sections.some((s) => s.title.includes('本期工作')));
    assert.ok(!sections.some((s) => s.title.includes('近期')));
    assert.ok(existsSync(entryFile('profile', `${dir}/2024-03-14.md\u0000${texts[`${dir}/2024-03-14.md`]}`)));
  });
});

describe('trees and profiles survive JSON as they are', () => {
  // A node's end and the next node's start may be one point object (model/compile.ts); JSON
  // gives each its own copy, and the code that moves points moves each once, so only points may be shared.
  it('every example parses to a tree of plain data: no shared node (points aside), no class, no number JSON would change', () => {
    const names = readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((n) => /\.(?:md|txt)$/.test(n));
    assert.ok(names.length >= 3);
    for (const name of names) {
      const parsed = parseMarkdownGuarded(example(name));
      const seen = new Set<object>();
      const walk = (value: unknown, where: string): void => {
        if (typeof value === 'number') assert.ok(Number.isFinite(value) && !Object.is(value, -0), where);
        if (typeof value !== 'object' || value === null) return;
        const point = /\.position\.(?:start|end)$/.test(where);
        assert.ok(point || !seen.has(value), `${where} is shared`);
        if (!point) seen.add(value);
        const proto = Object.getPrototypeOf(value) as unknown;
        assert.ok(proto === Object.prototype || proto === Array.prototype, `${where} is a plain object or array`);
        for (const [key, child] of Object.entries(value)) walk(child, `${where}.${key}`);
      };
      walk(parsed, name);
    }
  });
});
