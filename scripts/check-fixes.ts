/**
 * `npm run check:fixes [FOLDER]`: applies every fix of every diagnostic, one at a time, to every
 * file of a folder of real minutes (../shared/corpus by default), lints the result again and
 * reports a fix that leaves its own diagnostic in place or makes another rule fire. Fixes are
 * data applied by one routine, so this proves all of them at once on real text.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyEdits, lint, type Diagnostic } from '../server/src/core';
import { readMinutes, SHARED_CORPUS } from './corpus';

function counts(diagnostics: Diagnostic[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const d of diagnostics) m.set(d.rule, (m.get(d.rule) ?? 0) + 1);
  return m;
}

async function main(): Promise<void> {
  const folder = resolve(process.argv[2] ?? SHARED_CORPUS);
  if (!existsSync(folder)) throw new Error(`no such folder: ${folder}`);
  let fixes = 0;
  let failures = 0;
  const sideEffects = new Map<string, number>();
  for (const { path, text } of readMinutes(folder)) {
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
  console.log(`\n${fixes} fixes applied one by one, ${failures} failed`);
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
