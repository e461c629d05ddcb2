import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { SeriesIndex } from '../../server/src/core/series';
import type { Services } from '../../server/src/core/services';
import { ROOT } from '../helpers';

/** The minutes of a series of test/fixtures/series, as a host reads them. */
export function seriesFixture(name: string): SeriesFile[] {
  const dir = join(ROOT, 'test', 'fixtures', 'series', name);
  return readdirSync(dir)
    .sort()
    .map((file) => ({ path: `series/${name}/${file}`, text: readFileSync(join(dir, file), 'utf8') }));
}

/** `Services.series` as a host gives it: the files grouped and ordered by the series model. */
export function seriesServices(files: readonly SeriesFile[]): Services {
  const index = new SeriesIndex();
  for (const f of files) index.set(f.path, f.text);
  return { series: (path) => index.view(path) };
}
