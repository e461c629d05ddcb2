import assert from 'node:assert/strict';
import { allRules } from '../../server/src/core';
import { applyRuleFixes, docsExamples, findingLines, only, runDocExample } from '../helpers';

// Each rule's documentation page carries examples; running them keeps docs and behaviour in step.
describe('rule documentation examples', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      const examples = docsExamples(rule.id);

      it('has a docs page with a bad and a good example', () => {
        assert.ok(examples, `docs/rules/${rule.id}.md is missing`);
        assert.ok(
          examples.some((e) => e.kind === 'bad'),
          'no bad example',
        );
        assert.ok(
          examples.some((e) => e.kind === 'good'),
          'no good example',
        );
      });

      for (const [i, example] of (examples ?? []).entries()) {
        it(`${example.kind} example ${i + 1} (${example.path})`, async () => {
          const { result, rerun } = await runDocExample(rule, example);
          const found = only(result.diagnostics, rule.id);
          if (example.kind === 'good') {
            assert.deepEqual(
              found.map((d) => d.message),
              [],
              'the good example is flagged',
            );
            return;
          }
          // Where and what, as the page promises its reader (`npm run docs:findings` rewrites them).
          assert.ok(example.findings, 'a bad example is followed by its ```text findings block');
          assert.deepEqual(findingLines(result, rule.id), example.findings, 'the findings differ from the page');
          if (!rule.fixable || !found.some((d) => d.fixes.length)) return;
          const fixed = applyRuleFixes(example.text, result.diagnostics, rule.id);
          assert.notEqual(fixed, example.text, 'the fixes changed nothing');
          // After the fix every rule runs again: the rule's fixable findings are gone and no rule finds something new.
          const again = await rerun(fixed);
          assert.deepEqual(
            only(again.diagnostics, rule.id)
              .filter((d) => d.fixes.length)
              .map((d) => d.message),
            [],
            'fixing left diagnostics of the rule',
          );
          const before = new Set(result.diagnostics.map((d) => `${d.rule} ${d.message}`));
          const introduced = again.diagnostics.filter((d) => d.rule !== rule.id && !before.has(`${d.rule} ${d.message}`));
          assert.deepEqual(
            introduced.map((d) => `${d.rule}: ${d.message}`),
            [],
            'the fix made another rule speak',
          );
        });
      }
    });
  }
});

describe('messages', () => {
  it('every rule has an English and a Chinese text for every message', () => {
    for (const rule of allRules) {
      for (const [id, m] of Object.entries(rule.messages)) {
        assert.ok(m.en.trim(), `${rule.id}.${id} has no English text`);
        assert.ok(/[\u4e00-\u9fff]/.test(m.zh), `${rule.id}.${id} has no Chinese text`);
      }
      assert.ok(rule.description.en && rule.description.zh, `${rule.id} lacks a description`);
    }
  });
});
