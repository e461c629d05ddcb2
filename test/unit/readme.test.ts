import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { allRules } from '../../server/src/core';
import { ROOT } from '../helpers';

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('lists every rule with a link to its docs page', () => {
    for (const rule of allRules) {
      assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`), `README does not list ${rule.id}`);
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
    }
  });

  it('names the two quick-start commands that CI runs', () => {
    assert.match(readme, /npm ci && npm run example/);
    assert.match(readme, /^npm test\b/m);
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    assert.match(ci, /npm ci/);
    assert.match(ci, /npm run --silent example/);
    assert.match(ci, /npm test/);
  });
});

describe('README example output', () => {
  it('is what minutes-lint prints on the bundled examples today', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = /```text\n\$ npx minutes-lint examples\n([\s\S]*?)\n```/.exec(readme)?.[1];
    assert.ok(shown, 'README has no example output block');
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'examples'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout.trimEnd(), shown, 'update the README block with the output of `node dist/cli.js examples`');
  });
});
