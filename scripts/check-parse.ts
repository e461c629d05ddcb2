/**
 * `npm run check:parse [FOLDER]`: parses every file of a folder of real minutes (../shared/corpus
 * by default) whole and in small pieces and checks the two trees are the same, positions
 * included. Long documents are parsed in pieces (server/src/core/model/markdown.ts); this
 * proves the cutting changes nothing on real text.
 */
import { resolve } from 'node:path';
import { parseMarkdown } from '../server/src/core/model/markdown';
import { readMinutes, SHARED_CORPUS } from './corpus';

const folder = resolve(process.argv[2] ?? SHARED_CORPUS);
let files = 0;
let differ = 0;
for (const { path, text } of readMinutes(folder)) {
  files++;
  const whole = JSON.stringify(parseMarkdown(text, Infinity));
  for (const limit of [256, 2048]) {
    if (JSON.stringify(parseMarkdown(text, limit)) !== whole) {
      differ++;
      console.log(`DIFFERS  ${path} (pieces of ${limit})`);
    }
  }
}
console.log(`${files} files parsed whole and in pieces: ${differ} differ`);
if (differ) process.exitCode = 1;
