/**
 * `npm run fuzz [-- --quick] [--seed N] [--seconds S]`: throws hostile and broken minutes at the
 * core and checks that it holds. Bounded and seeded: the same seed replays the same cases.
 *
 * Cases: random bytes; mutations of the project's fixtures and examples (and of
 * ../shared/corpus and ../shared/corpus-wild when present): cut, repeated, glued, re-ended with
 * CRLF or CR, given a BOM, a fence or a comment left open; and every pathological class the
 * reliability issue found, at 16 KB to 100 KB.
 *
 * Asserts: no exception and no rule's internal error; CPU time per 100 KB under the bound (worst
 * at most 1 s); `fixUntilStable` converges (a second run fixes nothing); every applied fix
 * changes nothing outside its range, keeps the BOM and the file's line breaks.
 * Prints the figures. CPU time, not wall time: the machine is shared.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { applyEdits, fixUntilStable, lint, type Diagnostic } from '../server/src/core';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { walkFiles } from '../server/src/node/walk';
import { seededRandom } from './edits';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seed = Number(valueOf('--seed') ?? 20240611);
/** How long the mutations and random bytes run, after every pathological class has. */
const seconds = Number(valueOf('--seconds') ?? (quick ? 30 : 180));
/** The bound on a fast machine; on a slower (or shared, busy) one it grows with ordinary minutes' time. */
const BOUND_MS_PER_100KB = 1000;
/** Ordinary minutes may take up to this share of the bound: pathological ones at most 8× them. */
const ORDINARY_SHARE = 8;

function valueOf(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

const rand = seededRandom(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const int = (n: number) => Math.floor(rand() * n);

const repeatTo = (unit: string, size: number) => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

/** Every class of input the reliability issue (and this harness) found super-linear or crashing. */
const PATHOLOGICAL: Record<string, (size: number) => string> = {
  'spaces line': (n) => ' '.repeat(n),
  'cjk bold labels': (n) => repeatTo('**结论：**本周', n / 2),
  '*a run': (n) => repeatTo('*a', n),
  '_a run': (n) => repeatTo('_a', n),
  '~a run': (n) => repeatTo('~a', n),
  '] run': (n) => repeatTo(']', n),
  '[ run': (n) => repeatTo('[', n),
  '[a][b] run': (n) => repeatTo('[a][b]', n),
  '[a]( run': (n) => repeatTo('[a](', n),
  '`a run': (n) => repeatTo('`a', n),
  '<a run': (n) => repeatTo('<a', n),
  '*^n a *^n': (n) => `${'*'.repeat(n / 2)}a${'*'.repeat(n / 2)}`,
  'nested emphasis': (n) => `${repeatTo('*a ', n / 2)}b${repeatTo(' a*', n / 2)}`,
  'setext run': (n) => repeatTo('a\n=\n', n),
  'setext run, blank lines': (n) => repeatTo('a\n=\n\n', n),
  'dash setext run': (n) => repeatTo('a\n-\n', n),
  'placeholder URL run': (n) => `${repeatTo('a.', n)}@`,
  'attendee list': (n) => `# Minutes 2024-01-01\n\n## Attendees\n\n${Array.from({ length: n / 8 }, (_, i) => `张${i}`).join('、')}\n`,
  'quote nesting': (n) => repeatTo('> ', n),
  'list nesting': (n) => repeatTo('- ', n),
  'indented list nesting': (n) => Array.from({ length: n / 8 }, (_, i) => `${' '.repeat((i % 4) * 2)}- a`).join('\n'),
  'lazy quote lines': (n) => repeatTo('> a\nb\n', n),
  'field lines': (n) => repeatTo('a: b\n', n),
  'code spans and fields': (n) => repeatTo('`a` x: y\n', n),
  'table columns': (n) => `${repeatTo('a|', n / 2)}\n${repeatTo('-|', n / 2)}\n`,
  mentions: (n) => repeatTo('@a ', n),
  links: (n) => repeatTo('[#1](https://github.com/o/r/pull/1) ', n),
  'html comments': (n) => repeatTo('<!-- a -->', n),
  'unclosed comment': (n) => `# T\n\n<!--${'a\n'.repeat(n / 2)}`,
  emails: (n) => repeatTo('a.b@c.de ', n),
  headings: (n) => repeatTo('# a\n', n),
};

interface Source {
  path: string;
  text: string;
}

function sources(): Source[] {
  const roots = ['test/fixtures', 'examples', 'docs/rules'];
  for (const shared of ['../shared/corpus', '../shared/corpus-wild']) if (existsSync(shared)) roots.push(shared);
  const out: Source[] = [];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const file of walkFiles(root, { accept: (name) => /\.(?:md|txt)$/.test(name) })) {
      const text = readFileSync(file, 'utf8');
      if (text.length < 400_000) out.push({ path: file.replace(/\\/g, '/').replace(/^(?:\.\.\/shared\/)?/, ''), text });
    }
  }
  return out;
}

const SNIPPETS = [
  '```\n',
  '~~~\n',
  '<!--',
  '-->',
  '\uFEFF',
  '\r',
  '\r\n',
  '**',
  '结论：',
  '[#]: subject: ""\n',
  '# ',
  '## 议题\n',
  '\n\n',
  '> ',
  '- ',
  '1. ',
  '[a]: http://x\n',
  '@',
  '**结论：**',
  '\t',
  '\u0000',
  '\uFFFD',
  '| a |\n|---|\n',
];

function mutate(text: string): string {
  let t = text;
  const ops = 1 + int(4);
  for (let i = 0; i < ops; i++) {
    const at = int(t.length + 1);
    switch (int(9)) {
      case 0:
        t = t.slice(0, at) + pick(SNIPPETS) + t.slice(at);
        break;
      case 1:
        t = t.slice(0, at) + t.slice(Math.min(t.length, at + int(200)));
        break;
      case 2: {
        const len = int(300);
        t = t.slice(0, at) + t.slice(at, at + len).repeat(2 + int(20)) + t.slice(at + len);
        break;
      }
      case 3:
        t = t.replace(/\r?\n/g, '\r\n');
        break;
      case 4:
        t = t.replace(/\r?\n/g, '\r');
        break;
      case 5:
        t = `\uFEFF${t}`;
        break;
      case 6:
        t = t.slice(0, at);
        break;
      case 7:
        t = `${t}\n${pick(['```', '<!--', '<pre>', '~~~~'])}\n`;
        break;
      default:
        t = t.slice(0, at) + String.fromCharCode(int(0x3000)) + t.slice(at);
    }
  }
  return t;
}

function randomBytes(size: number): string {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = rand() < 0.5 ? 32 + int(95) : int(256);
  return bytes.toString('utf8');
}

const PATHS = [
  'minutes/2024-05-02.md',
  'curve/2023/2023-04-27.md',
  'openeuler-tc/2023/20230412_minutes.txt',
  'lctt/published/202310/x.md',
  'osh/docs/4.13.md',
  'notes.md',
];

interface Figures {
  cases: number;
  failures: string[];
  worst: { msPer100KB: number; name: string };
  fixesApplied: number;
  fixRuns: number;
  /** Cases over the bound on their first run, measured again. */
  remeasured: string[];
}

const figures: Figures = { cases: 0, failures: [], worst: { msPer100KB: 0, name: '' }, fixesApplied: 0, fixRuns: 0, remeasured: [] };

/** Keeps a failing input where it can be replayed (`minutes-lint --fix out/fuzz/…`). */
function keep(path: string, text: string): string {
  mkdirSync('out/fuzz', { recursive: true });
  const file = `out/fuzz/${figures.cases}-${path.replace(/[^\w.-]+/g, '_')}`;
  writeFileSync(file, text);
  return file;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function check(name: string, path: string, text: string, withFixes: boolean): Promise<void> {
  figures.cases++;
  clearPieceCache();
  const started = cpuMs();
  let diagnostics: Diagnostic[];
  try {
    diagnostics = (await lint({ path, text })).diagnostics;
  } catch (error) {
    figures.failures.push(
      `CRASH    ${name} (${keep(path, text)}): ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' | ') : String(error)}`,
    );
    return;
  }
  let spent = cpuMs() - started;
  // A case over the bound is measured once more: the first run of a class pays for compiling its
  // code paths and for a collection of what earlier cases left, and a super-linear case stays slow.
  if (perHundredOf(spent, text) > bound) {
    figures.remeasured.push(`${name} ${perHundredOf(spent, text).toFixed(0)} ms`);
    spent = Math.min(spent, await lintCpuMs(path, text));
  }
  const perHundred = perHundredOf(spent, text);
  if (perHundred > figures.worst.msPer100KB)
    figures.worst = { msPer100KB: perHundred, name: `${name} (${(text.length / 1024).toFixed(0)} KB)` };
  if (perHundred > bound)
    figures.failures.push(`SLOW     ${name}: ${perHundred.toFixed(0)} ms CPU per 100 KB (${spent.toFixed(0)} ms for ${text.length} chars)`);
  for (const d of diagnostics) if (d.message.startsWith('internal error')) figures.failures.push(`INTERNAL ${name}: ${d.message}`);
  if (!withFixes) return;
  try {
    for (const d of diagnostics) for (const fix of d.fixes) checkFixRange(name, text, fix.edits, d.rule);
    const safe = (d: Diagnostic) => d.fixes.filter((f) => f.safe).slice(0, 1);
    const first = await fixUntilStable({ path, text }, safe);
    const second = await fixUntilStable({ path, text: first.text }, safe);
    figures.fixRuns++;
    figures.fixesApplied += first.fixed;
    if (second.fixed)
      figures.failures.push(
        `DIVERGES ${name} (${keep(path, text)}): a second --fix run applied ${second.fixed} more fixes (${second.result.diagnostics
          .filter((d) => safe(d).length)
          .map((d) => d.rule)
          .join(', ')})`,
      );
    if (text.charCodeAt(0) === 0xfeff && first.text.charCodeAt(0) !== 0xfeff)
      figures.failures.push(`BOM      ${name}: the fixed text lost its leading BOM`);
  } catch (error) {
    figures.failures.push(`CRASH    ${name} (fixing): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Small inputs are charged as 16 KB: a fixed cost is no super-linear one. */
function perHundredOf(ms: number, text: string): number {
  return (ms / Math.max(text.length, 16 * 1024)) * 100 * 1024;
}

async function lintCpuMs(path: string, text: string): Promise<number> {
  clearPieceCache();
  const started = cpuMs();
  await lint({ path, text });
  return cpuMs() - started;
}

/** One fix: the text outside its edits is untouched, and it brings no line break the file does not use there. */
function checkFixRange(name: string, text: string, edits: readonly { start: number; end: number; newText: string }[], rule: string): void {
  const applied = applyEdits(text, edits);
  if (applied.skipped) return;
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  const grown = applied.text.length - text.length;
  if (applied.text.slice(0, first) !== text.slice(0, first) || applied.text.slice(last + grown) !== text.slice(last)) {
    figures.failures.push(`RANGE    ${name}: a ${rule} fix changed text outside its range`);
  }
  if (edits.some((e) => e.start === 0 && text.charCodeAt(0) === 0xfeff))
    figures.failures.push(`BOM      ${name}: a ${rule} fix edits before the BOM`);
  for (const e of edits) {
    const breaks = e.newText.match(/\r\n|\r|\n/g) ?? [];
    if (!breaks.length) continue;
    const around = text.slice(Math.max(0, e.start - 2000), e.end + 2000);
    const used = new Set(around.match(/\r\n|\r|\n/g) ?? ['\n']);
    if (breaks.some((b) => !used.has(b)))
      figures.failures.push(
        `EOL      ${name}: a ${rule} fix inserts ${JSON.stringify(breaks[0])} where the file uses ${JSON.stringify([...used])}`,
      );
  }
}

/** CPU ms per 100 KB of ordinary minutes on this machine now (the median of three warm runs). */
async function ordinaryMinutesSpeed(corpus: Source[]): Promise<number> {
  const reference = [...corpus].sort((a, b) => b.text.length - a.text.length)[0];
  let text = reference?.text ?? '# Minutes 2024-05-02\n\n## Agenda\n\n- item\n';
  while (text.length < 100 * 1024) text += `\n${text}`;
  const runs: number[] = [];
  for (let i = 0; i < 4; i++) {
    clearPieceCache();
    const before = cpuMs();
    await lint({ path: reference?.path ?? 'minutes/2024-05-02.md', text });
    runs.push(((cpuMs() - before) / text.length) * 100 * 1024);
  }
  return runs.slice(1).sort((a, b) => a - b)[1];
}

let bound = BOUND_MS_PER_100KB;

async function main(): Promise<void> {
  const started = Date.now();
  const corpus = sources();
  const ordinary = await ordinaryMinutesSpeed(corpus);
  bound = Math.max(BOUND_MS_PER_100KB, ORDINARY_SHARE * ordinary);
  const sizes = quick ? [16 * 1024, 100 * 1024] : [16 * 1024, 48 * 1024, 100 * 1024];
  // Every pathological class at every size first: those are the known dangers.
  for (const size of sizes) {
    for (const [cls, make] of Object.entries(PATHOLOGICAL)) {
      const text = make(size);
      await check(`${cls} × ${size / 1024} KB`, pick(PATHS), text, size <= 16 * 1024);
      if (args.includes('--verbose')) console.log(`  ${cls} × ${size / 1024} KB done`);
    }
  }
  // Then random bytes and mutations of real minutes for the time given.
  const deadline = Date.now() + seconds * 1000;
  let round = 0;
  while (Date.now() < deadline) {
    round++;
    if (round % 5 === 0) {
      await check(`random bytes #${round}`, pick(PATHS), randomBytes(int(16 * 1024)), true);
    } else {
      const source = pick(corpus);
      await check(`mutation #${round} of ${source.path}`, rand() < 0.7 ? source.path : pick(PATHS), mutate(source.text), true);
    }
  }
  const elapsed = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `fuzz (seed ${seed}, ${elapsed} s): ${figures.cases} cases (${Object.keys(PATHOLOGICAL).length} pathological classes × ${sizes.length} sizes, then ${round} mutations of ${corpus.length} source files and random bytes)`,
  );
  console.log(
    `  ordinary minutes: ${ordinary.toFixed(0)} ms CPU per 100 KB on this machine now; bound ${bound.toFixed(0)} ms (${BOUND_MS_PER_100KB} ms, or ${ORDINARY_SHARE}× ordinary minutes on a slower machine)`,
  );
  console.log(`  worst CPU time per 100 KB: ${figures.worst.msPer100KB.toFixed(0)} ms — ${figures.worst.name}`);
  if (figures.remeasured.length) console.log(`  over the bound on a first run, measured again: ${figures.remeasured.join('; ')}`);
  console.log(
    `  --fix runs: ${figures.fixRuns}, fixes applied: ${figures.fixesApplied}, every run converged: ${!figures.failures.some((f) => f.startsWith('DIVERGES'))}`,
  );
  for (const f of figures.failures.slice(0, 40)) console.log(`  ${f}`);
  const crashes = figures.failures.filter((f) => f.startsWith('CRASH') || f.startsWith('INTERNAL')).length;
  const slow = figures.failures.filter((f) => f.startsWith('SLOW')).length;
  console.log(`  crashes: ${crashes}, over the time bound: ${slow}`);
  console.log(`fuzz: ${figures.cases - figures.failures.length} passed, ${figures.failures.length} failed`);
  if (figures.failures.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
