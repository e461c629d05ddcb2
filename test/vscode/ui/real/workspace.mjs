// The workspace of the screenshots run (`npm run screenshots`): real Curve minutes from the
// shared corpus, beside the repository, with the team's roster as the Curve project keeps it
// (not valid JSON: the extension reads it leniently). Nothing here is needed by `npm run test:ui`.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The corpus of real minutes; CI has it at ../shared/corpus. */
export const CORPUS = resolve(process.env.MINUTES_CORPUS ?? join(ROOT, '../shared/corpus'));

/** The file issue 7 asks to see in VS Code: a PR linked by two items, `@David Lee`, `@数名开发者`. */
export const REAL_FILE = 'curve/2023/2023-04-27.md';
const ROSTER = 'curve/rosters/team.json';

/** What the run needs from the corpus; missing ones are named, so the runner can say why it skips. */
export function missingFromCorpus(corpus = CORPUS) {
  return [REAL_FILE, ROSTER].filter((file) => !existsSync(join(corpus, file)));
}

/**
 * A workspace folder under `parent` holding the real file and the roster at their corpus paths,
 * and a `.minutesrc.json` naming the roster. No template is configured: the status bar shows
 * the one the server detects.
 */
export function copyRealMinutes(parent, corpus = CORPUS) {
  const dir = join(mkdtempSync(join(parent, 'minutes-real-')), 'curve-minutes');
  for (const file of [REAL_FILE, ROSTER]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(corpus, file), join(dir, file));
  }
  writeFileSync(
    join(dir, '.minutesrc.json'),
    [
      '{',
      "  // The Curve team's roster, as the project keeps it: @logins outside it are reported (handle/unknown).",
      `  "contributors": { "sources": ["${ROSTER}"] }`,
      '}',
      '',
    ].join('\n'),
  );
  return dir;
}
