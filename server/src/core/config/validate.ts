/**
 * Checks the shape of a parsed `.minutesrc.json`. Each problem names the top-level key it
 * invalidates: that key is dropped and the defaults apply, the rest of the file still works.
 */
import { format, type Message } from '../i18n/lang';
import { optionFits } from '../rules/options';
import type { RuleOption } from '../rules/types';
import { configMessages, type ConfigMessageId } from './messages';

export interface ShapeProblem {
  key: string;
  /**
   * A problem of one rule's setting: only that setting is dropped (`setting`: the rule keeps its
   * default) or only its options (`options`: the severity still applies), not every rule's.
   */
  rule?: { id: string; drop: 'setting' | 'options' };
  message: Message;
  span: { start: number; end: number };
}

const SEVERITIES = ['off', 'info', 'hint', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'extends', 'template', 'files', 'rules', 'links', 'contributors'];

type Locate = (path: (string | number)[]) => { start: number; end: number };

/** Each known rule's options; a rule id that is not here is an unknown rule. */
export type RuleCatalog = ReadonlyMap<string, Record<string, RuleOption> | undefined>;

export function validateConfig(value: Record<string, unknown> | object, locate: Locate, knownRules?: RuleCatalog): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const v = value as Record<string, unknown>;
  const add = (key: string, path: (string | number)[], id: ConfigMessageId, data: Record<string, string> = {}) =>
    problems.push({ key, message: bilingual(id, data), span: locate(path) });
  for (const key of Object.keys(v)) {
    if (!KNOWN_KEYS.includes(key)) add(key, [key], 'unknownKey', { key, known: KNOWN_KEYS.slice(1).join(', ') });
  }
  const isStringArray = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if ('extends' in v && typeof v.extends !== 'string' && !isStringArray(v.extends)) add('extends', ['extends'], 'extendsType');
  if (
    'template' in v &&
    typeof v.template !== 'string' &&
    (typeof v.template !== 'object' || v.template === null || Array.isArray(v.template))
  ) {
    add('template', ['template'], 'templateType');
  }
  if ('files' in v && !isStringArray(v.files)) add('files', ['files'], 'filesType');
  if ('rules' in v) {
    const rules = v.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) add('rules', ['rules'], 'rulesType');
    else {
      for (const [id, setting] of Object.entries(rules)) {
        const severity: unknown = Array.isArray(setting) ? setting[0] : setting;
        if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
          problems.push({
            key: 'rules',
            rule: { id, drop: 'setting' },
            message: bilingual('severity', { id, severities: SEVERITIES.join(', ') }),
            span: locate(['rules', id]),
          });
        } else if (knownRules && !knownRules.has(id)) {
          problems.push({
            key: 'rules',
            rule: { id, drop: 'setting' },
            message: bilingual('unknownRule', { id }),
            span: locate(['rules', id]),
          });
        } else if (knownRules && Array.isArray(setting) && setting.length > 1) {
          const problem = optionProblem(id, setting[1], knownRules.get(id) ?? {});
          if (problem)
            problems.push({
              key: 'rules',
              rule: { id, drop: 'options' },
              message: problem.message,
              span: locate(['rules', id, 1, ...problem.at]),
            });
        }
      }
    }
  }
  if ('links' in v) {
    const links = v.links as Record<string, unknown>;
    if (typeof links !== 'object' || links === null || Array.isArray(links)) add('links', ['links'], 'linksType');
    else {
      if ('repos' in links && !isStringArray(links.repos)) add('links', ['links', 'repos'], 'reposType');
      if ('online' in links && typeof links.online !== 'boolean') add('links', ['links', 'online'], 'onlineType');
      if (
        'api' in links &&
        (typeof links.api !== 'object' || links.api === null || !Object.values(links.api).every((u) => typeof u === 'string'))
      ) {
        add('links', ['links', 'api'], 'apiType');
      }
    }
  }
  if ('contributors' in v) {
    const c = v.contributors as Record<string, unknown>;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) add('contributors', ['contributors'], 'contributorsType');
    else {
      if ('sources' in c && !isStringArray(c.sources)) add('contributors', ['contributors', 'sources'], 'sourcesType');
      if ('handles' in c && !isStringArray(c.handles)) add('contributors', ['contributors', 'handles'], 'handlesType');
    }
  }
  return problems;
}

const OPTION_TYPES: Record<RuleOption['type'], Message> = {
  boolean: { en: 'true or false', zh: 'true 或 false' },
  number: { en: 'a number', zh: '数字' },
  'string-list': { en: 'a list of strings', zh: '字符串列表' },
};

/** What is wrong with a rule's `[severity, options]` options, and where (a path inside the options). */
function optionProblem(id: string, options: unknown, known: Record<string, RuleOption>): { message: Message; at: string[] } | undefined {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return { message: bilingual('ruleOptions', { id }), at: [] };
  for (const [option, value] of Object.entries(options)) {
    const spec = known[option];
    if (!spec) return { message: bilingual('unknownOption', { id, option, known: Object.keys(known).join(', ') || '—' }), at: [option] };
    if (optionFits(spec, value)) continue;
    const expected = OPTION_TYPES[spec.type];
    const min = spec.type === 'number' && spec.minimum !== undefined ? ` ≥ ${spec.minimum}` : '';
    const m = configMessages.optionType;
    return {
      message: {
        en: format(m, 'en', { id, option, expected: expected.en + min }),
        zh: format(m, 'zh', { id, option, expected: expected.zh + min }),
      },
      at: [option],
    };
  }
  return undefined;
}

export function bilingual(id: ConfigMessageId, data: Record<string, string> = {}): Message {
  const m = configMessages[id];
  return { en: format(m, 'en', data), zh: format(m, 'zh', data) };
}
