/**
 * `npm run check:parse [FOLDER]`: parses every file of a folder of real minutes (../shared/corpus
 * and ../shared/corpus-wild by default) and checks, positions included, that
 * - the parser (model/gfm.ts) builds the very tree remark-parse with remark-gfm builds;
 * - long documents parsed in pieces (model/markdown.ts) give the tree of a whole parse.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseGfm } from '../server/src/core/model/gfm';
import { parseMarkdown } from '../server/src/core/model/markdown';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
const folders = process.argv[2] ? [resolve(process.argv[2])] : [SHARED_CORPUS, SHARED_CORPUS_WILD].filter((f) => existsSync(f));
let files = 0;
let differ = 0;
for (const folder of folders) {
  for (const { path, text } of readMinutes(folder)) {
    files++;
    if (JSON.stringify(parseGfm(text)) !== JSON.stringify(remark.parse(text))) {
      differ++;
      console.log(`DIFFERS  ${path} (from remark-parse + remark-gfm)`);
    }
    const whole = JSON.stringify(parseMarkdown(text, Infinity));
    for (const limit of [256, 2048]) {
      if (JSON.stringify(parseMarkdown(text, limit)) !== whole) {
        differ++;
        console.log(`DIFFERS  ${path} (pieces of ${limit})`);
      }
    }
  }
}
console.log(`${files} files parsed as remark-gfm does, whole and in pieces: ${differ} differ`);
if (differ) process.exitCode = 1;
