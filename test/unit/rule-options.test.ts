import assert from 'node:assert/strict';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { lint } from '../../server/src/core/lint/engine';
import { ruleOptions } from '../../server/src/core/rules/options';
import { defineRule, type RuleOption } from '../../server/src/core/rules/types';

// A rule reads its options typed from its declaration, defaults applied by the engine.
describe('rule options', () => {
  const declared = {
    after: { type: 'number', minimum: 0, default: 1, description: { en: 'n', zh: 'n' } },
    all: { type: 'boolean', default: false, description: { en: 'b', zh: 'b' } },
    allow: { type: 'string-list', default: [], description: { en: 'l', zh: 'l' } },
  } satisfies Record<string, RuleOption>;

  it('gives every declared option: configured when it fits, else its default', () => {
    assert.deepEqual(ruleOptions(declared, undefined), { after: 1, all: false, allow: [] });
    assert.deepEqual(ruleOptions(declared, { after: 3, all: true, allow: ['*@x.org'] }), { after: 3, all: true, allow: ['*@x.org'] });
    // Handed over unchecked (the API, a test): a mistyped value or an undeclared name is not read.
    assert.deepEqual(ruleOptions(declared, { after: -2, all: 'yes', allow: [1], aftr: 5 }), { after: 1, all: false, allow: [] });
  });

  it('reaches the rule’s check typed, through the engine', async () => {
    const seen: unknown[] = [];
    const probe = defineRule({
      id: 'test/probe',
      defaultSeverity: 'info',
      description: { en: 'probe', zh: 'probe' },
      messages: {},
      options: declared,
      check(ctx) {
        const after: number = ctx.options.after;
        const all: boolean = ctx.options.all;
        const allow: readonly string[] = ctx.options.allow;
        // @ts-expect-error a misspelled option does not compile
        seen.push(ctx.options.aftr);
        seen.push(after, all, allow);
      },
    });
    const config: ResolvedConfig = { config: { rules: { 'test/probe': ['info', { all: true }] } }, problems: [] };
    await lint({ path: 'a.md', text: '# T\n', rules: [probe], config });
    assert.deepEqual(seen, [undefined, 1, true, []]);
  });
});
