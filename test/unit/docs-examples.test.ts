import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { allRules } from '../../server/src/core';
import { inlineEntries, Roster } from '../../server/src/core/roster';
import type { Services } from '../../server/src/core/services';
import { applyRuleFixes, docsExamples, exampleLinkStatus, lintText, only } from '../helpers';

// Each rule's documentation page carries examples; running them keeps docs and behaviour in step.
describe('rule documentation examples', () => {
  for (const rule of allRules) {
    describe(rule.id, () => {
      const examples = docsExamples(rule.id);

      it('has a docs page with a bad and a good example', () => {
        assert.ok(examples, `docs/rules/${rule.id}.md is missing`);
        assert.ok(examples.some((e) => e.kind === 'bad'), 'no bad example');
        assert.ok(examples.some((e) => e.kind === 'good'), 'no good example');
      });

      for (const [i, example] of (examples ?? []).entries()) {
        it(`${example.kind} example ${i + 1} (${example.path})`, async () => {
          // `files="…"` gives the example a folder: those files and their folders exist, no other does.
          const existing = example.files?.map((f) => posix.join(posix.dirname(example.path), f));
          const folders = existing?.flatMap((f) => ancestors(f));
          let services: Services | undefined = existing ? { fileExists: (p: string) => existing.includes(p) || folders!.includes(p) } : undefined;
          // `handles="…"`: the examples of the handle rules run with that roster.
          const roster = example.handles && new Roster(inlineEntries(example.handles, '/docs/.minutesrc.json'));
          if (roster) services = { ...services, roster: () => roster };
          // `online="…"`: the online rules' examples run against those answers, with no network.
          const online = rule.online === true;
          if (online) services = { ...services, linkStatus: exampleLinkStatus(example.online ?? []) };
          const result = await lintText(example.text, example.path, { template: example.template, services, online });
          const found = only(result.diagnostics, rule.id);
          if (example.kind === 'good') {
            assert.deepEqual(found.map((d) => d.message), [], 'the good example is flagged');
            return;
          }
          assert.ok(found.length > 0, `the bad example is not flagged by ${rule.id}`);
          if (!rule.fixable || !found.some((d) => d.fixes.length)) return;
          const fixed = applyRuleFixes(example.text, result.diagnostics, rule.id);
          assert.notEqual(fixed, example.text, 'the fixes changed nothing');
          const again = await lintText(fixed, example.path, { template: example.template, services, online });
          assert.deepEqual(only(again.diagnostics, rule.id).filter((d) => d.fixes.length).map((d) => d.message), [], 'fixing left diagnostics of the rule');
        });
      }
    });
  }
});

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let dir = posix.dirname(path); dir !== '.' && dir !== '/' && !out.includes(dir); dir = posix.dirname(dir)) out.push(dir);
  return out;
}

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
