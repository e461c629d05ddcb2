// Measures the encoding rules on the real minutes in ../shared (not needed by the tests):
//   - encoding/mojibake findings over the whole corpus (must be zero: correct text stays alone);
//   - time of mojibake detection vs a full lint of each document (medians over repeated runs);
//   - the lossy repair of seeds/003 (a README read as Windows-1254, undefined bytes dropped,
//     soft hyphens stripped): share of the clean original's characters recovered by applying
//     the preferred fixes, next to the damaged text's own share.
// Usage: node scripts/bench-encoding.mjs [--shared DIR] [--runs N]
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const shared = resolve(option('--shared', process.env.SHARED ?? '../shared'));
const runs = Number(option('--runs', '7'));

// Bundle the pure core once (it is TypeScript, and the CLI bundle does not export it).
const out = join(mkdtempSync(join(tmpdir(), 'bench-encoding-')), 'core.mjs');
await esbuild.build({
  stdin: {
    contents: `export * from './server/src/core/index';
export { findMojibake } from './server/src/core/encoding/analyze';
export { gbkTable } from './server/src/core/encoding/gbk';
export { WINDOWS_1254 } from './server/src/core/encoding/codepages';`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const core = await import(pathToFileURL(out).href);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(?:md|txt)$/.test(name) ? [path] : [];
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- corpus: findings and timings ------------------------------------------------------------
const corpusDir = join(shared, 'corpus');
if (!existsSync(corpusDir)) {
  console.log(`encoding bench: ${corpusDir} not found (it needs ../shared beside the repository); skipped`);
  process.exit(0);
}
const files = walk(corpusDir).map((path) => ({ path: relative(corpusDir, path), text: readFileSync(path, 'utf8') }));
const t0 = performance.now();
core.gbkTable();
const gbkBuildMs = performance.now() - t0;

let findings = 0;
const flagged = [];
for (const f of files) {
  const result = await core.lint({ path: f.path, text: f.text });
  const own = result.diagnostics.filter((d) => d.rule === 'encoding/mojibake');
  findings += own.length;
  if (own.length) flagged.push(`${f.path}: ${own.map((d) => JSON.stringify(f.text.slice(d.span.start, d.span.end))).join(', ')}`);
}

const detectTotals = [];
const lintTotals = [];
const perDocShare = [];
for (let r = 0; r < runs; r++) {
  let detect = 0;
  let full = 0;
  for (const f of files) {
    const a = performance.now();
    core.findMojibake(f.text);
    const b = performance.now();
    await core.lint({ path: f.path, text: f.text });
    const c = performance.now();
    detect += b - a;
    full += c - b;
    if (r === runs - 1) perDocShare.push((b - a) / (c - b));
  }
  detectTotals.push(detect);
  lintTotals.push(full);
}

console.log(`corpus: ${files.length} files, ${(files.reduce((n, f) => n + f.text.length, 0) / 1024).toFixed(0)} K characters`);
console.log(`encoding/mojibake findings over the corpus: ${findings}`);
for (const line of flagged) console.log(`  ${line}`);
console.log(`GBK reverse table, built on first use: ${gbkBuildMs.toFixed(1)} ms`);
console.log(`mojibake detection, whole corpus: median ${median(detectTotals).toFixed(1)} ms over ${runs} runs`);
console.log(`full lint, whole corpus:          median ${median(lintTotals).toFixed(1)} ms over ${runs} runs`);
console.log(`detection / full lint per document: median ${(100 * median(perDocShare)).toFixed(1)} %`);

// --- the seed: recovery of a lossy repair ------------------------------------------------------
const seedPath = join(shared, 'seeds', '003_1b3e331d337c3a52.txt');
const cleanPath = join(corpusDir, 'osh', 'README.at-3cae394.md');
const seed = readFileSync(seedPath, 'utf8');
const clean = readFileSync(cleanPath, 'utf8');

/** Characters of `a` matched in order in `b` (longest common subsequence), over a's length. */
function share(a, b) {
  const A = [...a];
  const B = [...b];
  let prev = new Uint16Array(B.length + 1);
  let cur = new Uint16Array(B.length + 1);
  for (let i = 1; i <= A.length; i++) {
    for (let j = 1; j <= B.length; j++) cur[j] = A[i - 1] === B[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[B.length] / A.length;
}

/**
 * The seed's damage redone on the clean original with a record of where each original character
 * went, so every guess can be checked against the truth (the result equals the seed, checked).
 */
function damageWithMap() {
  let text = '';
  const origin = [];
  for (const char of clean) {
    const start = text.length;
    for (const byte of new TextEncoder().encode(char)) {
      const decoded = core.WINDOWS_1254.chars[byte];
      if (decoded !== undefined && byte !== 0xad) text += decoded;
    }
    origin.push({ start, end: text.length, char });
  }
  return { text, origin };
}
const damage = damageWithMap();
const truthOf = (span) =>
  damage.origin
    .filter((o) => o.start >= span.start && o.end <= span.end && o.end > o.start)
    .map((o) => o.char)
    .join('');

async function recover(label, reference) {
  const services = reference ? { referenceText: () => reference } : {};
  const mojibakeRule = core.allRules.filter((r) => r.id === 'encoding/mojibake');
  await core.lint({ path: 'osh/README.md', text: seed, services, rules: mojibakeRule }); // warm the statistics
  const ruleTimes = [];
  const fullTimes = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const a = performance.now();
    await core.lint({ path: 'osh/README.md', text: seed, services, rules: mojibakeRule });
    const b = performance.now();
    result = await core.lint({ path: 'osh/README.md', text: seed, services });
    ruleTimes.push(b - a);
    fullTimes.push(performance.now() - b);
  }
  const diags = result.diagnostics.filter((d) => d.rule === 'encoding/mojibake');
  const preferred = diags.map((d) => d.fixes.find((f) => f.preferred)).filter(Boolean);
  const best = diags.map((d) => d.fixes[0]);
  const apply = (fixes) => core.applyEdits(seed, core.mergeFixEdits(fixes)).text;
  const lossy = diags.filter((d) => !d.fixes[0].safe);
  const lossyPreferred = lossy.filter((d) => d.fixes[0].preferred);
  const wrongPreferred = lossyPreferred.filter((d) => d.fixes[0].edits[0].newText !== truthOf(d.span));
  const wrongDoubtful = lossy.filter((d) => !d.fixes[0].preferred && d.fixes[0].edits[0].newText !== truthOf(d.span));
  // Every line with non-ASCII text is damaged in this seed: each must carry a finding.
  const damagedLines = [];
  result.doc.text.split('\n').forEach((line, n) => {
    if (/[\u0080-\uffff]/.test(line)) damagedLines.push(n);
  });
  const reported = new Set(diags.map((d) => result.doc.lines.position(d.span.start).line));
  const missed = damagedLines.filter((n) => !reported.has(n));
  console.log(`\nseed 003, statistics: ${label}`);
  console.log(
    `  findings: ${diags.length}, ${lossy.length} of them guesses; damaged lines reported: ${damagedLines.length - missed.length}/${damagedLines.length}`,
  );
  console.log(
    `  guesses preferred (clearly winning): ${lossyPreferred.length}, wrong: ${wrongPreferred.length}${wrongPreferred.length ? ' (' + wrongPreferred.map((d) => `${truthOf(d.span)}→${d.fixes[0].edits[0].newText}`).join(', ') + ')' : ''}; doubtful: ${lossy.length - lossyPreferred.length}, best guess wrong: ${wrongDoubtful.length}`,
  );
  console.log(
    `  recovered with the preferred fixes: ${(100 * share(clean, apply(preferred))).toFixed(2)} % of the clean original's characters`,
  );
  console.log(`  recovered with every best guess:    ${(100 * share(clean, apply(best))).toFixed(2)} %`);
  console.log(`  encoding/mojibake alone: median ${median(ruleTimes).toFixed(1)} ms; full lint: median ${median(fullTimes).toFixed(1)} ms`);
}

if (damage.text !== seed) throw new Error('redoing the damage did not give the seed: the damage model is wrong');
console.log(`\nseed 003 as damaged: ${(100 * share(clean, seed)).toFixed(2)} % of the clean original's characters`);
await recover('built-in sample only', undefined);
// The workspace's other minutes, without the seed's own originals (osh/README*), as a host would pass them.
const reference = files.filter((f) => !f.path.startsWith('osh/')).map((f) => f.text);
await recover(`built-in + ${reference.length} corpus files (osh/ left out)`, reference);
