/**
 * `npm run check:precision`: how many of the warnings and errors minutes-lint prints with no
 * configuration on real minutes are real defects. It runs the built CLI (`dist/cli.js --format
 * json`) over ../shared/corpus and ../shared/corpus-wild, matches every warning and error to a
 * label of test/precision/labels/<family>.json by (path, line, rule), prints precision (defects
 * / all) per rule, per corpus and overall, and fails on:
 *   - a warning or error nobody has labelled,
 *   - precision below 95% on either corpus,
 *   - a label with verdict `defect` that is no longer reported (a real defect lost).
 * Labels no longer reported with verdict `wrong` or `convention` are listed as stale (delete them).
 * The labels contract is docs/precision.md. Skips cleanly when ../shared is absent.
 *
 *   --todo            print the unlabelled findings as label stubs (JSON) to fill in
 *   --cli FILE        the CLI to run (default dist/cli.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { readLabels } from './precision-labels';

interface Finding {
  corpus: string;
  path: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
}

const ROOT = process.cwd();
const SHARED = resolve(ROOT, '..', 'shared');
const CORPORA = ['corpus', 'corpus-wild'];
const BAR = 0.95;

const key = (x: { path: string; line: number; rule: string }) => `${x.path}\u0000${x.line}\u0000${x.rule}`;

function lintCorpus(corpus: string, cli: string): Finding[] {
  const run = spawnSync(process.execPath, [cli, '--format', 'json', join(SHARED, corpus)], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status === 2 || !run.stdout) throw new Error(`minutes-lint failed on ${corpus}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; line: number; message: string }> }>;
  };
  const findings: Finding[] = [];
  for (const file of report.files) {
    const path = relative(SHARED, resolve(ROOT, file.path)).replace(/\\/g, '/');
    for (const d of file.diagnostics) {
      if (d.severity !== 'warning' && d.severity !== 'error') continue;
      findings.push({ corpus, path, line: d.line, rule: d.rule, severity: d.severity, message: d.message });
    }
  }
  return findings;
}

interface Tally {
  defect: number;
  wrong: number;
  convention: number;
}

const empty = (): Tally => ({ defect: 0, wrong: 0, convention: 0 });
const total = (t: Tally) => t.defect + t.wrong + t.convention;
const precision = (t: Tally) => (total(t) ? t.defect / total(t) : 1);
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function table(title: string, byRule: Map<string, Tally>): string[] {
  const rows = [...byRule].sort((a, b) => a[0].localeCompare(b[0]));
  const all = rows.reduce(
    (sum, [, t]) => ({ defect: sum.defect + t.defect, wrong: sum.wrong + t.wrong, convention: sum.convention + t.convention }),
    empty(),
  );
  const line = (name: string, t: Tally) =>
    `  ${name.padEnd(30)} ${String(total(t)).padStart(5)} ${String(t.defect).padStart(7)} ${String(t.wrong).padStart(6)} ${String(t.convention).padStart(11)}  ${percent(precision(t)).padStart(7)}`;
  return [
    `${title}: ${total(all)} warnings and errors, precision ${percent(precision(all))}`,
    `  ${'rule'.padEnd(30)} ${'all'.padStart(5)} ${'defect'.padStart(7)} ${'wrong'.padStart(6)} ${'convention'.padStart(11)}  precision`,
    ...rows.map(([rule, t]) => line(rule, t)),
    line('all rules', all),
  ];
}

function main(): void {
  if (!existsSync(join(SHARED, 'corpus'))) {
    console.log(`check:precision: ${SHARED} is not here; nothing to measure (skipped)`);
    return;
  }
  const args = process.argv.slice(2);
  const todo = args.includes('--todo');
  const cliAt = args.indexOf('--cli');
  const cli = resolve(ROOT, cliAt >= 0 ? args[cliAt + 1] : 'dist/cli.js');
  const { labels, problems } = readLabels(join(ROOT, 'test', 'precision', 'labels'));
  const byKey = new Map(labels.map((l) => [key(l), l]));
  const seen = new Set<string>();
  const unlabelled: Finding[] = [];
  const out: string[] = [];
  const overall = new Map<string, Tally>();
  const corpusPrecision: Array<[string, number]> = [];

  for (const corpus of CORPORA) {
    if (!existsSync(join(SHARED, corpus))) continue;
    const byRule = new Map<string, Tally>();
    for (const f of lintCorpus(corpus, cli)) {
      const label = byKey.get(key(f));
      if (!label) {
        unlabelled.push(f);
        continue;
      }
      seen.add(key(f));
      for (const map of [byRule, overall]) {
        const t = map.get(f.rule) ?? empty();
        t[label.verdict]++;
        map.set(f.rule, t);
      }
    }
    out.push(...table(corpus, byRule), '');
    const all = [...byRule.values()].reduce(
      (s, t) => ({ defect: s.defect + t.defect, wrong: s.wrong + t.wrong, convention: s.convention + t.convention }),
      empty(),
    );
    corpusPrecision.push([corpus, precision(all)]);
  }
  out.push(...table('both corpora', overall), '');
  console.log(out.join('\n'));

  const lost = labels.filter((l) => !seen.has(key(l)) && l.verdict === 'defect');
  const stale = labels.filter((l) => !seen.has(key(l)) && l.verdict !== 'defect');
  for (const l of stale) console.log(`STALE       ${l.path}:${l.line} ${l.rule} (${l.verdict}): no longer reported, delete the label`);
  for (const p of problems) console.log(`BAD LABEL   ${p}`);
  for (const l of lost) console.log(`LOST        ${l.path}:${l.line} ${l.rule}: a real defect is no longer found (${l.why})`);
  for (const f of unlabelled)
    console.log(
      `UNLABELLED  ${f.path}:${f.line} ${f.rule} ${f.severity}: ${f.message
        .split('\n')
        .map((s) => s.trim())
        .join(' ')}`,
    );
  const below = corpusPrecision.filter(([, p]) => p < BAR);
  for (const [corpus, p] of below) console.log(`BELOW BAR   ${corpus}: precision ${percent(p)} < ${percent(BAR)}`);
  if (todo && unlabelled.length) {
    const stubs = unlabelled.map((f) => ({ path: f.path, line: f.line, rule: f.rule, verdict: '', why: '', message: f.message }));
    console.log(JSON.stringify(stubs, null, 2));
  }
  const failed = unlabelled.length + lost.length + problems.length + below.length;
  console.log(
    failed
      ? `check:precision failed: ${unlabelled.length} unlabelled, ${lost.length} lost defects, ${problems.length} bad labels, ${below.length} corpora below the bar`
      : 'check:precision passed',
  );
  if (failed) process.exitCode = 1;
}

main();
