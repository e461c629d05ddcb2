import { findTopics, topicText } from '../../views/topics';
import type { Rule } from '../types';

// A topic that was put off (the presenter was absent, the material not ready) has nothing to
// conclude; its note says so, and asking for a `结论：` there would only teach people to ignore the rule.
const PUT_OFF =
  /延期|推迟|顺延|改期|延到|延至|移到下次|放到下次|下次(?:会议)?再(?:议|讨论)|未与会|缺席|取消|未准备好|postponed|deferred|cancell?ed|skipped/i;

export const topicConclusion: Rule = {
  id: 'template/topic-conclusion',
  defaultSeverity: 'warning',
  needsConfidentTemplate: true,
  fixable: true,
  description: {
    en: 'A discussion topic has no conclusion or decision line.',
    zh: '议题缺少结论或决策。',
  },
  messages: {
    missing: {
      en: 'Topic "{topic}" has no conclusion: add a line starting with {labels}.',
      zh: '议题「{topic}」没有结论：请添加以{labels}开头的一行。',
    },
    fix: { en: 'Add a "{skeleton}" line after the topic', zh: '在议题后添加「{skeleton}」一行' },
    habit: {
      en: 'Topic "{topic}" has no conclusion line ({labels}…); only {concluded} of the {total} topics in this folder\'s minutes have one, so this is a hint, not a warning.',
      zh: '议题「{topic}」没有结论行（{labels}…）；此目录的纪要中 {total} 个议题只有 {concluded} 个写了结论，因此仅作提示。',
    },
  },
  check(ctx) {
    const spec = ctx.template.topics;
    if (!spec?.conclusionLabels.length) return;
    const skeleton = spec.conclusionSkeleton ?? `${spec.conclusionLabels[0]}：`;
    // Name the first few labels: enough to show the form without listing every accepted spelling.
    const shown = spec.conclusionLabels.slice(0, 3).map((l) => {
      const label = !/[\u0080-\uffff]/.test(l) ? `${l}:` : `${l}：`;
      return ctx.lang === 'zh' ? `「${label}」` : `"${label}"`;
    });
    const labels = shown.join(ctx.lang === 'zh' ? '、' : ', ') + (spec.conclusionLabels.length > 3 ? '…' : '');
    const habit = seriesHabit(ctx.series?.topics);
    for (const topic of findTopics(ctx.doc, ctx.template)) {
      if (topic.conclusions.length || PUT_OFF.test(topicText(ctx.doc, topic))) continue;
      const name = topic.title || topic.ordinal?.text || '';
      ctx.report({
        span: topic.heading,
        message: habit
          ? ctx.t('habit', { topic: shorten(name), labels: shown[0], ...habit })
          : ctx.t('missing', { topic: shorten(name), labels }),
        ...(habit ? { severity: 'info' as const } : {}),
        fixes: [
          {
            title: ctx.t('fix', { skeleton: skeleton.split('\n')[0] }),
            edits: [{ start: topic.span.end, end: topic.span.end, newText: `\n${skeleton}` }],
            preferred: true,
            // The conclusion itself must be written by someone who was in the meeting.
            safe: false,
          },
        ],
      });
    }
  },
};

/** Teams that conclude (nearly) every topic are held to it… */
const CONCLUDING_SHARE = 0.9;
/** …but a series with enough topics that mostly go without a conclusion line shows that it is not the team's habit. */
const MIN_TOPICS_FOR_EVIDENCE = 10;

function seriesHabit(topics: { total: number; concluded: number } | undefined): { concluded: number; total: number } | undefined {
  if (!topics || topics.total < MIN_TOPICS_FOR_EVIDENCE) return undefined;
  return topics.concluded < topics.total * CONCLUDING_SHARE ? { concluded: topics.concluded, total: topics.total } : undefined;
}

function shorten(title: string): string {
  const chars = [...title];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : title;
}
