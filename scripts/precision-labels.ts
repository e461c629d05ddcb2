/**
 * The precision labels of test/precision/labels/<family>.json (docs/precision.md): one verdict
 * per warning or error minutes-lint gives with no configuration on ../shared's real minutes.
 * Read by scripts/check-precision.ts and checked for shape by the unit tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Verdict = 'defect' | 'wrong' | 'convention';

export interface Label {
  path: string;
  line: number;
  rule: string;
  verdict: Verdict;
  why: string;
}

const VERDICTS: readonly Verdict[] = ['defect', 'wrong', 'convention'];

/** Every label file, checked for shape and order (a label file is reviewed by people: keep it tidy). */
export function readLabels(dir: string): { labels: Label[]; problems: string[] } {
  const labels: Label[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { labels, problems };
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const family = name.replace(/\.json$/, '');
    let list: unknown;
    try {
      list = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (error) {
      problems.push(`${name}: not JSON (${String(error)})`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${name}: not an array`);
      continue;
    }
    list.forEach((l: Label, i) => {
      const where = `${name}[${i}]`;
      if (typeof l?.path !== 'string' || typeof l.line !== 'number' || typeof l.rule !== 'string')
        problems.push(`${where}: needs path, line and rule`);
      else if (!l.rule.startsWith(`${family}/`)) problems.push(`${where}: rule ${l.rule} belongs in ${l.rule.split('/')[0]}.json`);
      if (!VERDICTS.includes(l?.verdict)) problems.push(`${where}: verdict must be defect, wrong or convention`);
      if (typeof l?.why !== 'string' || !l.why.trim()) problems.push(`${where}: says no why`);
      const previous = list[i - 1] as Label | undefined;
      if (previous && compareLabels(previous, l) > 0) problems.push(`${where}: out of order (sort by path, line, rule)`);
      labels.push(l);
    });
  }
  return { labels, problems };
}

export function compareLabels(a: Label, b: Label): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
