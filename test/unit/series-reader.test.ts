import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeriesIndex } from '../../server/src/core/series';
import { readSeriesText } from '../../server/src/node/series';

// The hosts read a series' sibling minutes from a repository that may be hostile (a pull
// request can add links and huge files); the series rules get the texts through the series view.

describe("series members' texts", () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'minutes-series-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("never reads a link that leads out of the series' folder, nor a file too large to be minutes", () => {
    const dir = join(root, 'minutes');
    mkdirSync(join(dir, '2023'), { recursive: true });
    mkdirSync(join(dir, '2024'));
    writeFileSync(join(root, 'secret.txt'), 'id_rsa');
    writeFileSync(join(dir, '2023', '2023-12-27.md'), '# last year');
    writeFileSync(join(dir, '2024', '2024-01-10.md'), '# ok');
    symlinkSync(join(root, 'secret.txt'), join(dir, '2024', '2024-01-17.md'));
    symlinkSync(join(dir, '2023', '2023-12-27.md'), join(dir, '2024', '2024-01-24.md'));
    writeFileSync(join(dir, '2024', '2024-01-31.md'), 'x'.repeat(2 * 1024 * 1024));
    const read = (name: string) => readSeriesText(join(dir, '2024', name).replace(/\\/g, '/'));
    assert.equal(read('2024-01-10.md'), '# ok');
    assert.equal(read('2024-01-17.md'), undefined, 'a link out of the series is not followed');
    assert.equal(read('2024-01-24.md'), '# last year', 'a link to another year of the same series is');
    assert.equal(read('2024-01-31.md'), undefined, 'larger than 1 MB');
    assert.equal(readSeriesText(join(dir, '2024').replace(/\\/g, '/')), undefined, 'a folder');
  });

  it("gives the host's text of each member (an open editor's first), oldest first", () => {
    const saved: Record<string, string> = { 'tc/2024-01-24.md': '# 2024-01-24 saved', 'tc/2024-01-10.md': '# 2024-01-10' };
    const live = new Map([['tc/2024-01-24.md', '# 2024-01-24 being written']]);
    const index = new SeriesIndex({ text: (path) => live.get(path) ?? saved[path] });
    for (const [path, text] of Object.entries(saved)) index.set(path, text);
    const members = index.view('tc/2024-01-24.md')!.members!;
    assert.deepEqual(
      members.map((m) => [m.path, m.text()]),
      [
        ['tc/2024-01-10.md', '# 2024-01-10'],
        ['tc/2024-01-24.md', '# 2024-01-24 being written'],
      ],
    );
    live.set('tc/2024-01-24.md', '# edited again');
    assert.equal(members[1].text(), '# edited again', 'read when asked, not when indexed');
  });

  it('keeps the texts it was given when the host has no reader (the command line)', () => {
    const index = new SeriesIndex();
    index.set('tc/2024-01-10.md', 'a');
    index.set('tc/2024-01-24.md', 'b');
    index.set('tc/2024-01-10.md', 'c');
    assert.deepEqual(
      index.view('tc/x.md')!.members!.map((m) => m.text()),
      ['c', 'b'],
    );
    index.delete('tc/2024-01-24.md');
    assert.deepEqual(
      index.view('tc/x.md')!.members!.map((m) => m.path),
      ['tc/2024-01-10.md'],
    );
  });
});
