/**
 * Profiles full validation of the corpora file by file, as `bench.ts` runs it: run with
 * `node --cpu-prof` on the bundled output (see docs/performance.md).
 */
import { existsSync } from 'node:fs';
import { lint } from '../server/src/core';
import { clearPieceCache } from '../server/src/core/model/markdown';
import { readMinutes, SHARED_CORPUS, SHARED_CORPUS_WILD } from './corpus';

async function main(): Promise<void> {
  const folders =
    process.env.ONLY === 'corpus'
      ? [SHARED_CORPUS]
      : process.env.ONLY === 'wild'
        ? [SHARED_CORPUS_WILD]
        : [SHARED_CORPUS, SHARED_CORPUS_WILD];
  const docs = folders.filter((f) => existsSync(f)).flatMap((f) => readMinutes(f));
  const rounds = Number(process.env.ROUNDS ?? 3);
  for (let i = 0; i < rounds; i++) {
    clearPieceCache();
    const start = process.cpuUsage();
    for (const d of docs) await lint({ path: d.path, text: d.text });
    const used = process.cpuUsage(start);
    console.log(`round ${i + 1}: ${docs.length} files, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
  }
}

void main();
