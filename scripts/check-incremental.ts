/**
 * `npm run check:incremental`: re-validation while typing changes nothing. On every file of
 * ../shared/corpus and ../shared/corpus-wild (skipped when they are absent), random edits (a
 * character, a line break, `#`, `[`, `@`, a line inserted or deleted) are made one after another
 * and each version is validated the way an editor session does, with what the earlier versions
 * left cached (parsed pieces reused and moved, line scans kept for the lines outside the edit). Every version is then validated again from
 * scratch; the diagnostics and their fixes must be exactly the same, and so must the syntax tree
 * and the minutes model. Files are cut into small
 * pieces (as if they were long) so that short minutes exercise the piece cache too.
 *   npm run check:incremental [-- --edits N --seed S --whole-limit CHARS] [FOLDER…]
 */
import { existsSync } from 'node:fs';
import { lint } from '../server/src/core';
import { clearPieceCache, setWholeParseLimit } from '../server/src/core/model/markdown';
import { clearLineScans } from '../server/src/core/text/line-scan';
import type { Section } from '../server/src/core/model/types';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';
import { applyEdit, randomEdit, seededRandom, type Edit } from './edits';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const EDITS = option('edits', 6);
const SEED = option('seed', 2026);
const WHOLE_LIMIT = option('whole-limit', 1024);

/** Parsed pieces and line scans: what one version leaves for the next. */
function forgetEarlierVersions(): void {
  clearPieceCache();
  clearLineScans();
}

/**
 * What a validation gives: the diagnostics with their fixes, the syntax tree and the minutes model
 * they were read from (sections, fields, links, mentions…: parts of it are kept line by line).
 */
async function diagnosticsOf(path: string, text: string): Promise<string> {
  const { diagnostics, doc } = await lint({ path, text });
  const model = { ...doc, text: undefined, lines: undefined, mdast: undefined };
  // A section's parent is named by where its heading starts: the model links sections both ways.
  const named = (key: string, value: unknown) => (key === 'parent' ? (value as Section).heading.start : value);
  return JSON.stringify({ diagnostics, tree: doc.mdast, model }, named);
}

async function main(): Promise<void> {
  const named = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const folders = (named.length ? named : [SHARED_CORPUS, SHARED_CORPUS_WILD]).filter((folder) => existsSync(folder));
  if (!folders.length) {
    console.log('check:incremental: ../shared is absent, nothing to check');
    return;
  }
  setWholeParseLimit(WHOLE_LIMIT);
  const random = seededRandom(SEED);
  let files = 0;
  let versions = 0;
  const failures: string[] = [];
  const started = performance.now();
  for (const { path, text } of folders.flatMap((folder) => readMinutes(folder))) {
    files++;
    // The session: each version validated right after the previous one, caches warm.
    const session: Array<{ text: string; edit?: Edit; diagnostics: string }> = [];
    let current = text;
    session.push({ text: current, diagnostics: await diagnosticsOf(path, current) });
    for (let i = 0; i < EDITS; i++) {
      const edit = randomEdit(current, random);
      current = applyEdit(current, edit);
      session.push({ text: current, edit, diagnostics: await diagnosticsOf(path, current) });
    }
    // From scratch: nothing cached from any other version.
    for (const [index, version] of session.entries()) {
      versions++;
      forgetEarlierVersions();
      const scratch = await diagnosticsOf(path, version.text);
      if (scratch === version.diagnostics) continue;
      const edits = session
        .slice(1, index + 1)
        .map((v) => `${v.edit!.kind} at ${v.edit!.start}`)
        .join(', ');
      failures.push(`${path}: version ${index} (${edits || 'as on disk'}) differs from a fresh validation`);
    }
    forgetEarlierVersions();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const failure of failures) console.log(`DIFFERS  ${failure}`);
  console.log(
    `check:incremental: ${files} files, ${versions} versions (${EDITS} edits each, seed ${SEED}, pieces over ${WHOLE_LIMIT} characters): ${failures.length} differ, ${seconds} s`,
  );
  if (failures.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
