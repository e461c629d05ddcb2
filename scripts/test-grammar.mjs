// Runs the grammar tests of test/grammar with vscode-tmgrammar-test: the extension's grammars
// (from package.json's contributes.grammars) on top of the Markdown grammar VS Code ships
// (the tm-grammars package has the same one), which the injection needs as its host.
//
// The Markdown grammar embeds fifty languages in fenced code blocks; those grammars are not
// needed here, and the tool's "grammar not found" warning for each one is filtered out.
// Ends with a plain "grammar: N passed, N failed" line; the exit status is the tool's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tool = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const markdown = require.resolve('tm-grammars/grammars/markdown.json');

const child = spawn(
  process.execPath,
  [tool, '--compact', '--config', 'package.json', '-g', markdown, 'test/grammar/**/*.test.md', 'test/grammar/**/*.test.txt'],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);

let passed = 0;
const failedFiles = new Set();
const lines = (stream, onLine) => {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    parts.forEach(onLine);
  });
  stream.on('end', () => rest && onLine(rest));
};
lines(child.stdout, (line) => {
  process.stdout.write(`${line}\n`);
  // Colours are off when stdout is not a terminal, but strip them anyway before matching.
  // eslint-disable-next-line no-control-regex -- the ESC of terminal colour codes
  const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
  if (/run successfuly\.$/.test(plain)) passed++;
  const failure = /^(?:ERROR|✖|×)\s+(?:testcase\s+|can't parse testcase:\s+)?(\S+?\.test\.(?:md|txt))/.exec(plain);
  if (failure) failedFiles.add(failure[1]);
});
lines(child.stderr, (line) => {
  if (!/^grammar not found for "/.test(line)) process.stderr.write(`${line}\n`);
});
child.on('close', (code) => {
  console.log(`grammar: ${passed} passed, ${failedFiles.size} failed`);
  process.exit(code === 0 && failedFiles.size === 0 ? 0 : 1);
});
