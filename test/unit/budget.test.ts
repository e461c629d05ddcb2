import assert from 'node:assert/strict';
import { lint, type LinkStatus, type Rule } from '../../server/src/core';
import type { TimeBudget } from '../../server/src/core/lint/engine';
import { hookRule } from '../helpers';

// The server's time budget for one document's rules: slow rules stop the check with a note, but
// waiting for a forge's answer is no time taken from the editor.

const TEXT = [
  '# Minutes 2024-03-14',
  '',
  '- [Snapshot fix](https://github.com/o/r/pull/2300) @bob',
  '- [Hot upgrade](https://github.com/o/r/pull/24090) @carol',
  '',
].join('\n');

/** A clock that moves only when a test says so. */
function clock(ms: number): TimeBudget & { advance(by: number): void } {
  let now = 0;
  return { ms, now: () => now, advance: (by) => (now += by) };
}

function slowRule(id: string, cost: number, budget: { advance(by: number): void }): Rule {
  return hookRule(id, () => budget.advance(cost));
}

describe('the rules’ time budget', () => {
  it('skips the rules after the budget is spent and says which, at the start of the document', async () => {
    const budget = clock(1500);
    const rules = ['a', 'b', 'c', 'd'].map((id) => slowRule(`test/${id}`, 800, budget));
    const result = await lint({ path: 'm.md', text: TEXT, rules, budget });
    assert.deepEqual(result.diagnostics.map((d) => [d.rule, d.severity, d.span.start]).sort(), [
      ['test/a', 'warning', 0],
      ['test/b', 'warning', 0],
      ['test/c', 'info', 0],
    ]);
    assert.match(result.diagnostics.find((d) => d.severity === 'info')!.message, /stopped after 1600 ms.*not run: test\/c, test\/d/);
  });

  it('does not count the time an online rule waits for the forge', async () => {
    const budget = clock(1500);
    const answers: Record<string, LinkStatus> = {
      '2300': { state: 'found', kind: 'issue', title: 'Snapshot files left behind' },
      '24090': { state: 'not-found' },
    };
    const linkStatus = {
      lookup: async (target: { id: string }) => {
        // The answer comes five seconds later; the editor was free all that time.
        await new Promise((resolve) => setTimeout(resolve, 1));
        budget.advance(5000);
        return answers[target.id];
      },
    };
    const result = await lint({ path: 'm.md', text: TEXT, budget, online: true, services: { linkStatus } });
    const online = result.diagnostics.filter((d) => d.rule === 'link/not-found' || d.rule === 'link/kind-mismatch');
    assert.deepEqual(online.map((d) => [d.rule, d.severity, TEXT.slice(d.span.start, d.span.end)]).sort(), [
      ['link/kind-mismatch', 'warning', 'https://github.com/o/r/pull/2300'],
      ['link/not-found', 'error', 'https://github.com/o/r/pull/24090'],
    ]);
    assert.ok(!result.diagnostics.some((d) => /stopped after/.test(d.message)), 'no rule was skipped');
  });
});
