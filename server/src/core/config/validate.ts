/**
 * Checks the shape of a parsed `.minutesrc.json`. Each problem names the top-level key it
 * invalidates: that key is dropped and the defaults apply, the rest of the file still works.
 */
import { format, type Message } from '../i18n/lang';
import { configMessages, type ConfigMessageId } from './messages';

export interface ShapeProblem {
  key: string;
  message: Message;
  span: { start: number; end: number };
}

const SEVERITIES = ['off', 'info', 'hint', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'extends', 'template', 'files', 'rules', 'links', 'contributors'];

type Locate = (path: (string | number)[]) => { start: number; end: number };

export function validateConfig(value: Record<string, unknown> | object, locate: Locate, knownRules?: ReadonlySet<string>): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const v = value as Record<string, unknown>;
  const add = (key: string, path: (string | number)[], id: ConfigMessageId, data: Record<string, string> = {}) =>
    problems.push({ key, message: bilingual(id, data), span: locate(path) });
  for (const key of Object.keys(v)) {
    if (!KNOWN_KEYS.includes(key)) add(key, [key], 'unknownKey', { key, known: KNOWN_KEYS.slice(1).join(', ') });
  }
  const isStringArray = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if ('extends' in v && typeof v.extends !== 'string' && !isStringArray(v.extends)) add('extends', ['extends'], 'extendsType');
  if ('template' in v && typeof v.template !== 'string' && (typeof v.template !== 'object' || v.template === null || Array.isArray(v.template))) {
    add('template', ['template'], 'templateType');
  }
  if ('files' in v && !isStringArray(v.files)) add('files', ['files'], 'filesType');
  if ('rules' in v) {
    const rules = v.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) add('rules', ['rules'], 'rulesType');
    else {
      for (const [id, setting] of Object.entries(rules)) {
        const severity = Array.isArray(setting) ? setting[0] : setting;
        if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
          add('rules', ['rules', id], 'severity', { id, severities: SEVERITIES.join(', ') });
        } else if (knownRules && !knownRules.has(id)) {
          add('rules', ['rules', id], 'unknownRule', { id });
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
      if ('api' in links && (typeof links.api !== 'object' || links.api === null || !Object.values(links.api).every((u) => typeof u === 'string'))) {
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

export function bilingual(id: ConfigMessageId, data: Record<string, string> = {}): Message {
  const m = configMessages[id];
  return { en: format(m, 'en', data), zh: format(m, 'zh', data) };
}
