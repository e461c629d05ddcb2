/**
 * How sure the choice of a file's template is, and the sentences that say so. The structure rules
 * speak only when the template is configured, recognised from strong specific evidence, or
 * learned from the file's own series: on a guess they would hold a team to another team's
 * conventions (issue 10). The engine asks `structureApplies` once per document.
 */
import { format, type Lang, type Message } from '../i18n/lang';
import type { ResolvedTemplate, TemplateConfidence } from './types';

/** The parts of a resolved template that say how it was chosen. */
export interface Explanation {
  /** English, short: the CLI's `templateReason`. */
  reason: string;
  confidence: TemplateConfidence;
  /** Why, how sure and how to pin it, in both languages. */
  explanation: Message;
}

const CONFIDENT: ReadonlySet<TemplateConfidence> = new Set(['configured', 'recognised', 'learned']);

/** Do the structure rules (sections, fields, file name, dates…) speak for this template? */
export function structureApplies(template: Pick<ResolvedTemplate, 'confidence'>): boolean {
  return CONFIDENT.has(template.confidence);
}

/** The configuration key that pins a template, as a user types it. */
export function pinHint(id: string): string {
  return `"template": "${id}"`;
}

/** Where `minutes-lint learn --write` puts a learned template, next to the minutes. */
export const LEARNED_TEMPLATE_FILE = '.minutes-template.json';

const WORDS = {
  configured: {
    en: 'chosen by the configuration ({reason}): sections, fields and the file name are checked against it.',
    zh: '由配置指定（{reason}）：按它检查章节、字段和文件名。',
  },
  recognised: {
    en: 'recognised from its path and content (specific evidence {strong}, {needed} needed). To make it explicit: {pin} in .minutesrc.json.',
    zh: '根据路径和内容识别（特征分 {strong}，需要 {needed}）。如需固定：在 .minutesrc.json 中写 {pin}。',
  },
  guessed: {
    en: 'guessed from weak hints (score {score}): sections, fields and the file name are not checked. Pin a template ({pin} in .minutesrc.json), or keep 3 or more minutes in this folder so one can be learned.',
    zh: '仅凭较弱的线索猜测（得分 {score}）：不检查章节、字段和文件名。可在 .minutesrc.json 中写 {pin} 固定模板，或在此目录保留 3 份以上纪要以便学习模板。',
  },
  fallback: {
    en: 'no template fits this file: no built-in template matches it and none could be learned from its folder, so only the checks that hold in any Markdown file run. To check its structure, pin a template in .minutesrc.json, or keep 3 or more minutes in this folder.',
    zh: '没有适用于此文件的模板：内置模板都不匹配，也无法从所在目录学习出模板，因此只运行适用于任何 Markdown 文件的检查。如需检查结构，可在 .minutesrc.json 中固定模板，或在此目录保留 3 份以上纪要。',
  },
  seriesRecognised: {
    en: 'recognised: {count} of the {total} minutes in this folder are {name}. To make it explicit: {pin} in .minutesrc.json.',
    zh: '已识别：此目录的 {total} 份纪要中有 {count} 份是「{name}」。如需固定：在 .minutesrc.json 中写 {pin}。',
  },
  learned: {
    en: 'learned from {count} minutes in this folder ({folder}){range}. To pin it: run minutes-lint learn on the folder with --write, then put "template": "./{file}" in its .minutesrc.json.',
    zh: '从此目录（{folder}）的 {count} 份纪要学习得到{range}。如需固定：对该目录运行 minutes-lint learn --write，然后在其 .minutesrc.json 中写 "template": "./{file}"。',
  },
  olderEra: {
    en: 'learned from the {count} latest minutes in this folder{range}; this file is older and follows an earlier format, so its structure is not checked.',
    zh: '从此目录最近的 {count} 份纪要学习得到{range}；此文件较早，采用的是以前的格式，因此不检查其结构。',
  },
  unlike: {
    en: 'learned from {count} minutes in this folder{range}, but this file shares little of their structure (a cancelled meeting, a draft?), so its structure is not checked.',
    zh: '从此目录的 {count} 份纪要学习得到{range}，但此文件与它们的结构差别很大（会议取消？草稿？），因此不检查其结构。',
  },
  range: { en: ' ({since} to {until})', zh: '（{since} 至 {until}）' },
} satisfies Record<string, Message>;

function both(message: Message, data: Record<string, string | number>): Message {
  return { en: format(message, 'en', data), zh: format(message, 'zh', data) };
}

export function detectionExplanation(detected: {
  template: { id: string; detect?: { recogniseScore?: number } };
  score: number;
  strong: number;
  confidence: 'recognised' | 'guessed';
}): Explanation {
  const pin = pinHint(detected.template.id);
  if (detected.confidence === 'recognised') {
    const needed = detected.template.detect?.recogniseScore ?? 0;
    return {
      reason: `recognised (score ${detected.score})`,
      confidence: 'recognised',
      explanation: both(WORDS.recognised, { strong: detected.strong, needed, pin }),
    };
  }
  return {
    reason: `guessed (score ${detected.score})`,
    confidence: 'guessed',
    explanation: both(WORDS.guessed, { score: detected.score, pin }),
  };
}

export function configuredExplanation(reason: string): Explanation {
  return { reason, confidence: 'configured', explanation: both(WORDS.configured, { reason }) };
}

export function fallbackExplanation(): Explanation {
  return { reason: 'fallback', confidence: 'none', explanation: WORDS.fallback };
}

export function seriesRecognisedExplanation(id: string, name: Message, count: number, total: number): Explanation {
  return {
    reason: `recognised in this folder (${count} of ${total} minutes)`,
    confidence: 'recognised',
    explanation: {
      en: format(WORDS.seriesRecognised, 'en', { count, total, name: name.en, pin: pinHint(id) }),
      zh: format(WORDS.seriesRecognised, 'zh', { count, total, name: name.zh || name.en, pin: pinHint(id) }),
    },
  };
}

export interface LearnedExplanationData {
  count: number;
  folder: string;
  since?: string;
  until?: string;
  /** `latest`: the file belongs to the era learned from (or is newer); `older`: an earlier format; `unlike`: too different to check. */
  fit: 'latest' | 'older' | 'unlike';
}

export function learnedExplanation(data: LearnedExplanationData): Explanation {
  const range = (lang: Lang) =>
    data.since && data.until && data.since !== data.until ? format(WORDS.range, lang, { since: data.since, until: data.until }) : '';
  const words = data.fit === 'latest' ? WORDS.learned : data.fit === 'older' ? WORDS.olderEra : WORDS.unlike;
  const fill = (lang: Lang) =>
    format(words, lang, { count: data.count, folder: data.folder, file: LEARNED_TEMPLATE_FILE, range: range(lang) });
  const reason =
    data.fit === 'latest'
      ? `learned from ${data.count} minutes in this folder`
      : data.fit === 'older'
        ? `learned from ${data.count} minutes in this folder; this file predates that format`
        : `learned from ${data.count} minutes in this folder; this file is unlike them`;
  return { reason, confidence: data.fit === 'latest' ? 'learned' : 'guessed', explanation: { en: fill('en'), zh: fill('zh') } };
}
