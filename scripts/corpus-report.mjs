#!/usr/bin/env node
// Runs minutes-lint over a folder of real minutes (by default ../shared/corpus beside the repository) and prints
// which template every file got and how many diagnostics each rule raised, so that template
// detection and false positives can be reviewed at a glance.
//
//   node scripts/corpus-report.mjs [FOLDER] [--cli dist/cli.js] [--rule ID]... [--summary] [--check] [--json]
//
//   (default)    one line per file (template, how it was chosen, diagnostics per rule), then the
//                number of files per template and of diagnostics per rule
//   --summary    the counts only, without the line per file
//   --rule ID    list every diagnostic of that rule (file:line message); repeatable
//   --check      compare each file's template with the expected one (see EXPECTED below)
//                and exit 1 on any difference
//   --json       print the summary as JSON instead of text
//
// Build the CLI first (`npm run build`), or point --cli at another build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';

// ../shared sits beside the repository on CI and developer machines.
const DEFAULT_CORPUS = resolve(process.cwd(), '..', 'shared', 'corpus');

/**
 * What each corpus folder should be detected as, with no configuration: the first prefix that
 * matches wins. A `/variant` suffix means that variant must be applied; `*` accepts any variant.
 */
const EXPECTED = [
  ['curve/2022/', 'curve-biweekly/legacy-2022*'],
  ['curve/2023/2023-01-12.md', 'curve-biweekly/legacy-2022'],
  ['curve/2023/', 'curve-biweekly'],
  ['openeuler-tc/2022/ActionItems.md', 'openeuler-tc/action-items'],
  ['openeuler-tc/', 'openeuler-tc*'],
  ['lctt/sources/', 'lctt-article/sources'],
  ['lctt/translated/', 'lctt-article/translated'],
  ['lctt/published/', 'lctt-article/published'],
  ['osh/docs/会议记录/', 'osh-group-meeting'],
  // No built-in is the TSC's own: its twelve minutes teach the template (docs/templates.md, learned templates).
  ['nodejs-tsc/', 'learned-*'],
  ['', 'generic'],
];

function parseArgs(argv) {
  const opts = {
    folder: DEFAULT_CORPUS,
    cli: 'dist/cli.js',
    rules: /** @type {string[]} */ ([]),
    summary: false,
    check: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cli') opts.cli = argv[++i];
    else if (a === '--rule') opts.rules.push(argv[++i]);
    else if (a === '--summary') opts.summary = true;
    else if (a === '--check') opts.check = true;
    else if (a === '--json') opts.json = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/corpus-report.mjs [FOLDER] [--cli dist/cli.js] [--rule ID]... [--summary] [--check] [--json]');
      process.exit(0);
    } else if (a.startsWith('--')) {
      console.error(`corpus-report: unknown option ${a}`);
      process.exit(2);
    } else opts.folder = a;
  }
  return opts;
}

function runCli(cli, folder) {
  if (!existsSync(cli)) {
    console.error(`corpus-report: ${cli} not found; run \`npm run build\` first or pass --cli`);
    process.exit(2);
  }
  // --ext md,txt: plain-text minutes are walked even when detection would not claim them,
  // so that a .txt file that falls back to `generic` shows up here instead of disappearing.
  const run = spawnSync(process.execPath, [cli, '--format', 'json', '--ext', 'md,txt', folder], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status === 2 || !run.stdout.trim()) {
    console.error(`corpus-report: minutes-lint failed (exit ${run.status})\n${run.stderr}`);
    process.exit(2);
  }
  if (run.stderr.trim()) console.error(run.stderr.trim());
  return JSON.parse(run.stdout);
}

function expectedFor(rel) {
  for (const [prefix, template] of EXPECTED) if (rel.startsWith(prefix)) return template;
  return 'generic';
}

function matchesExpected(actual, expected) {
  return expected.endsWith('*') ? actual.startsWith(expected.slice(0, -1)) : actual === expected;
}

function countBy(items, key) {
  const out = new Map();
  for (const item of items) {
    const k = key(item);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return new Map([...out].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))));
}

function pad(text, width) {
  const s = String(text);
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce(
    (n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1),
    0,
  );
  return s + ' '.repeat(Math.max(1, width - w));
}

const opts = parseArgs(process.argv.slice(2));
const folder = resolve(opts.folder);
const report = runCli(resolve(opts.cli), folder);
const files = report.files.map((f) => {
  const rel = relative(folder, resolve(f.path)).replace(/\\/g, '/');
  const expected = expectedFor(rel);
  return { ...f, rel, expected, ok: matchesExpected(f.template ?? '', expected) };
});
const diagnostics = files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.rel, template: f.template })));
const byTemplate = countBy(files, (f) => f.template);
const byRule = countBy(diagnostics, (d) => d.rule);
const byRuleTemplate = countBy(diagnostics, (d) => `${d.rule}\t${(d.template ?? '').split('/')[0]}`);
const mismatches = files.filter((f) => !f.ok);

if (opts.json) {
  console.log(
    JSON.stringify(
      {
        files: files.map((f) => ({
          path: f.rel,
          template: f.template,
          reason: f.templateReason,
          expected: f.expected,
          ok: f.ok,
          rules: Object.fromEntries(countBy(f.diagnostics, (d) => d.rule)),
        })),
        templates: Object.fromEntries(byTemplate),
        rules: Object.fromEntries(byRule),
        mismatches: mismatches.map((f) => f.rel),
      },
      null,
      2,
    ),
  );
} else {
  if (!opts.summary || opts.check) {
    console.log('## Files\n');
    for (const f of files) {
      const rules = [...countBy(f.diagnostics, (d) => d.rule)].map(([r, n]) => `${r}×${n}`).join(' ');
      const mark = opts.check ? (f.ok ? 'ok  ' : 'FAIL') : '';
      console.log(`${mark}${mark ? ' ' : ''}${pad(f.rel, 64)}${pad(f.template, 40)}${pad(f.templateReason ?? '', 22)}${rules}`);
      if (!f.ok) console.log(`     expected ${f.expected}`);
    }
    console.log('');
  }
  console.log(`## Templates (${files.length} files)\n`);
  for (const [t, n] of byTemplate) console.log(`${pad(n, 6)}${t}`);
  console.log(`\n## Diagnostics per rule (${diagnostics.length} in all)\n`);
  for (const [r, n] of byRule) {
    const per = [...byRuleTemplate]
      .filter(([k]) => k.startsWith(`${r}\t`))
      .map(([k, c]) => `${k.split('\t')[1]} ${c}`)
      .join(', ');
    const inFiles = new Set(diagnostics.filter((d) => d.rule === r).map((d) => d.file)).size;
    console.log(`${pad(n, 6)}${pad(r, 30)}${pad(`${inFiles} files`, 10)}${per}`);
  }
  for (const rule of opts.rules) {
    console.log(`\n## ${rule}\n`);
    for (const d of diagnostics.filter((x) => x.rule === rule)) console.log(`${d.file}:${d.line}:${d.column} [${d.template}] ${d.message}`);
  }
  if (opts.check)
    console.log(
      `\n${mismatches.length ? `${mismatches.length} file(s) got an unexpected template` : 'every file got the expected template'}`,
    );
}
process.exitCode = opts.check && mismatches.length ? 1 : 0;
