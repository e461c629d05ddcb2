import { documentForge } from '../../roster/forge';
import { loginProblem } from '../../roster/handle';
import { readMentions } from '../../roster/mentions';
import { defineRule } from '../types';

export const unknownHandle = defineRule({
  id: 'handle/unknown',
  defaultSeverity: 'info',
  fixable: true,
  description: {
    en: 'An @login that the contributor roster does not list (checked only when a roster exists); a close login is offered as a fix.',
    zh: '@提及的账号不在贡献者名单中（仅在有名单时检查）；若有相近的账号，提供修正。',
  },
  messages: {
    unknown: {
      en: '"@{handle}" is not in the contributor roster.',
      zh: '「@{handle}」不在贡献者名单中。',
    },
    didYouMean: {
      en: '"@{handle}" is not in the contributor roster. Did you mean @{suggestion}?',
      zh: '「@{handle}」不在贡献者名单中。是否应为 @{suggestion}？',
    },
    fix: { en: 'Replace with @{login}', zh: '改为 @{login}' },
  },
  options: {
    knownAfter: {
      type: 'number',
      minimum: 0,
      default: 1,
      description: {
        en: 'How many other minutes must mention a login outside the roster before it counts as a contributor (0: only the roster counts).',
        zh: '名单外的账号需在多少份其他纪要中出现才算作贡献者（0：只认名单）。',
      },
    },
  },
  check(ctx) {
    const roster = ctx.services.roster?.(ctx.doc.path);
    if (!roster?.hasDeclared) return;
    const forge = documentForge(ctx.doc, roster);
    const { knownAfter } = ctx.options;
    for (const mention of readMentions(ctx.doc.text, ctx.doc.mentions)) {
      if (mention.kind === 'team' || mention.spacedName) continue;
      // Impossible logins are handle/invalid's to report.
      if (loginProblem(mention.handle, forge)) continue;
      if (roster.isKnown(mention.handle, { exceptPath: ctx.doc.path, minFiles: knownAfter })) continue;
      const spelled = roster.spelledBy(mention.handle);
      const suggestions = [
        ...spelled,
        ...roster.suggest(mention.handle, 3, { exceptPath: ctx.doc.path }).filter((p) => !spelled.includes(p)),
      ].slice(0, 3);
      ctx.report({
        span: mention.span,
        message: suggestions.length
          ? ctx.t('didYouMean', {
              handle: mention.handle,
              suggestion: suggestions[0].name ? `${suggestions[0].handle} (${suggestions[0].name})` : suggestions[0].handle,
            })
          : ctx.t('unknown', { handle: mention.handle }),
        // A near miss of a known login is most likely a typo: worth more than a note.
        severity: suggestions.length ? 'warning' : undefined,
        fixes: suggestions.map((person, i) => ({
          title: ctx.t('fix', { login: person.handle }),
          edits: [{ ...mention.handleSpan, newText: person.handle }],
          preferred: i === 0,
        })),
      });
    }
  },
});
