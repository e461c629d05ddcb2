import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderSeries } from '../../server/src/node/series';

// The series the hosts give the core: the minutes of a document's folder, read from a
// repository that may be hostile (a pull request can add links and huge files).

describe('FolderSeries (the minutes of a folder, for the series rules)', () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'minutes-series-')));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives the folder\'s minutes files by name, open editors\' text first', () => {
    const dir = join(root, 'tc');
    mkdirSync(dir);
    writeFileSync(join(dir, '20240124_minutes.md'), 'saved');
    writeFileSync(join(dir, '20240207_minutes.txt'), 'plain');
    writeFileSync(join(dir, 'slides.pdf'), 'not minutes');
    const open = join(dir, '20240124_minutes.md').replace(/\\/g, '/');
    const series = new FolderSeries((path) => (path === open ? 'live' : undefined));
    const files = series.filesFor(join(dir, 'x.md').replace(/\\/g, '/'))!;
    assert.deepEqual(files.map((f) => [f.path.slice(f.path.lastIndexOf('/') + 1), f.text]), [['20240124_minutes.md', 'live'], ['20240207_minutes.txt', 'plain']]);
  });

  it('never reads a link that leads out of the folder, nor a file too large to be minutes', () => {
    const dir = join(root, 'minutes');
    mkdirSync(dir);
    writeFileSync(join(root, 'secret.txt'), 'id_rsa');
    writeFileSync(join(dir, '2024-01-10.md'), '# ok');
    symlinkSync(join(root, 'secret.txt'), join(dir, '2024-01-17.md'));
    symlinkSync(join(dir, '2024-01-10.md'), join(dir, '2024-01-24.md'));
    writeFileSync(join(dir, '2024-01-31.md'), 'x'.repeat(2 * 1024 * 1024));
    const files = new FolderSeries().filesFor(join(dir, '2024-01-10.md').replace(/\\/g, '/'))!;
    assert.deepEqual(files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1)), ['2024-01-10.md', '2024-01-24.md']);
    assert.ok(!files.some((f) => f.text.includes('id_rsa')));
  });
});
