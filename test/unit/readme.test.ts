import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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
