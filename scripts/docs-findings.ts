// Writes each bad example's expected findings under it in docs/rules/<id>.md (a ```text findings
// block: `line:column message`), from what the rule reports now. Read the diff before committing:
// the docs test holds the pages to these lines.
//   npm run docs:findings            rewrite the pages
//   npm run docs:findings -- --check list the pages that are out of date
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { allRules } from '../server/src/core';
import { docsExamples, docsPage, fencedBlock, findingLines, findingsAfter, runDocExample } from '../test/helpers';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const rule of allRules) {
    const page = docsPage(rule.id);
    const examples = docsExamples(rule.id);
    if (!examples || !existsSync(page)) continue;
    const expected: string[][] = [];
    for (const example of examples)
      if (example.kind === 'bad') expected.push(findingLines((await runDocExample(rule, example)).result, rule.id));
    const original = readFileSync(page, 'utf8');
    const updated = withFindings(original.split('\n'), expected).join('\n');
    if (updated === original) continue;
    stale.push(page);
    if (!check) writeFileSync(page, updated);
  }
  for (const page of stale) console.log(`${check ? 'out of date' : 'updated'}: ${page}`);
  if (check && stale.length) process.exitCode = 1;
}

/** The page's lines with each bad example's findings block written (or rewritten) after it. */
function withFindings(lines: string[], expected: string[][]): string[] {
  const out: string[] = [];
  let bad = 0;
  for (let i = 0; i < lines.length; i++) {
    const block = fencedBlock(lines, i);
    if (!block?.kind || block.kind === 'findings') {
      out.push(lines[i]);
      continue;
    }
    out.push(...lines.slice(i, block.end + 1));
    i = block.end;
    if (block.kind !== 'bad') continue;
    const old = findingsAfter(lines, i + 1);
    if (old) i = old.end;
    out.push('', '```text findings', ...expected[bad++], '```');
  }
  return out;
}

void main();
