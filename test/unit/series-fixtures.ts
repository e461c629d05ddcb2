import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { ROOT } from '../helpers';

/** The minutes of a series of test/fixtures/series, as a host reads them. */
export function seriesFixture(name: string): SeriesFile[] {
  const dir = join(ROOT, 'test', 'fixtures', 'series', name);
  return readdirSync(dir)
    .sort()
    .map((file) => ({ path: `series/${name}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}
