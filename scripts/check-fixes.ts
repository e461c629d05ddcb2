/**
 * `npm run check:fixes [FOLDER…]`: applies every fix of every diagnostic, one at a time, to every
 * file of folders of real minutes (../shared/corpus and ../shared/corpus-wild by default), lints
 * the result again and reports a fix that leaves its own diagnostic in place or makes another
 * rule fire. Then runs `--fix` as the CLI does, twice: the second run must fix nothing (the
 * first reached its fixed point). Fixes are data applied by one routine, so this proves all of
 * them at once on real text.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyEdits, fixUntilStable, lint, type Diagnostic } from '../server/src/core';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

function counts(diagnostics: Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) m.set(d.rule, (m.get(d.rule) ?? 0) + 1);
  return m;
}

const safeFix = (d: Diagnostic) => d.fixes.filter((f) => f.safe).slice(0, 1);

async function main(): Promise<void> {
  const folders =
    process.argv.length > 2 ? process.argv.slice(2).map((f) => resolve(f)) : [SHARED_CORPUS, SHARED_CORPUS_WILD].filter(existsSync);
  for (const folder of folders) if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);
  let fixes = 0;
  let failures = 0;
  let fixRuns = 0;
  const sideEffects = new Map<string, number>();
  for (const { path, text } of folders.flatMap((folder) => readMinutes(folder))) {
    fixRuns++;
    const first = await fixUntilStable({ path, text }, safeFix);
    const second = await fixUntilStable({ path, text: first.text }, safeFix);
    if (second.fixed) {
      failures++;
      console.log(`DIVERGES ${path}: a second --fix run applied ${second.fixed} more fixes`);
    }
    const before = await lint({ path, text });
    const beforeCounts = counts(before.diagnostics);
    for (const d of before.diagnostics) {
      for (const fix of d.fixes) {
        fixes++;
        const fixed = applyEdits(text, fix.edits);
        if (fixed.skipped) {
          failures++;
          console.log(`OVERLAP  ${path}: ${d.rule} "${fix.title}" has overlapping edits`);
          continue;
        }
        const after = await lint({ path, text: fixed.text });
        const afterCounts = counts(after.diagnostics);
        // The diagnostic is gone when its rule fires less often, or no longer says the same thing
        // (a missing field whose label was inserted is now reported as empty, a different finding).
        const same = after.diagnostics.filter((a) => a.rule === d.rule && a.message === d.message).length;
        const sameBefore = before.diagnostics.filter((b) => b.rule === d.rule && b.message === d.message).length;
        if ((afterCounts.get(d.rule) ?? 0) >= (beforeCounts.get(d.rule) ?? 0) && same >= sameBefore) {
          failures++;
          const line = before.doc.lines.position(d.span.start).line + 1;
          console.log(`KEPT     ${path}:${line}: ${d.rule} "${fix.title}" did not remove its diagnostic`);
        }
        for (const [rule, n] of afterCounts) {
          if (rule !== d.rule && n > (beforeCounts.get(rule) ?? 0)) {
            const key = `${d.rule} → ${rule}`;
            sideEffects.set(key, (sideEffects.get(key) ?? 0) + 1);
          }
        }
      }
    }
  }
  console.log(`\n${fixes} fixes applied one by one, --fix run twice on ${fixRuns} files: ${failures} failed`);
  if (sideEffects.size) {
    console.log('fixes after which another rule fired more often (review these):');
    for (const [key, n] of [...sideEffects].sort((a, b) => b[1] - a[1])) console.log(`  ${n}× ${key}`);
  }
  if (failures) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
