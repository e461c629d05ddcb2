/**
 * Checks the shape of a parsed `.minutesrc.json`. Each problem names the top-level key it
 * invalidates: that key is dropped and the defaults apply, the rest of the file still works.
 */
export interface ShapeProblem {
  key: string;
  message: string;
  span: { start: number; end: number };
}

const SEVERITIES = ['off', 'info', 'hint', 'warning', 'error'];
const KNOWN_KEYS = ['$schema', 'extends', 'template', 'files', 'rules', 'links', 'contributors'];

type Locate = (path: (string | number)[]) => { start: number; end: number };

export function validateConfig(value: Record<string, unknown> | object, locate: Locate, knownRules?: ReadonlySet<string>): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const v = value as Record<string, unknown>;
  const add = (key: string, path: (string | number)[], message: string) => problems.push({ key, message, span: locate(path) });
  for (const key of Object.keys(v)) {
    if (!KNOWN_KEYS.includes(key)) add(key, [key], `unknown key "${key}" (known: ${KNOWN_KEYS.slice(1).join(', ')})`);
  }
  const isStringArray = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if ('extends' in v && typeof v.extends !== 'string' && !isStringArray(v.extends)) add('extends', ['extends'], '"extends" must be a path or a list of paths');
  if ('template' in v && typeof v.template !== 'string' && (typeof v.template !== 'object' || v.template === null || Array.isArray(v.template))) {
    add('template', ['template'], '"template" must be a built-in id, a path to a template file, or a template object');
  }
  if ('files' in v && !isStringArray(v.files)) add('files', ['files'], '"files" must be a list of globs');
  if ('rules' in v) {
    const rules = v.rules;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) add('rules', ['rules'], '"rules" must map rule ids to off, info, warning or error');
    else {
      for (const [id, setting] of Object.entries(rules)) {
        const severity = Array.isArray(setting) ? setting[0] : setting;
        if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
          add('rules', ['rules', id], `rule "${id}": severity must be one of ${SEVERITIES.join(', ')}`);
        } else if (knownRules && !knownRules.has(id)) {
          add('rules', ['rules', id], `unknown rule "${id}"`);
        }
      }
    }
  }
  if ('links' in v) {
    const links = v.links as Record<string, unknown>;
    if (typeof links !== 'object' || links === null || Array.isArray(links)) add('links', ['links'], '"links" must be an object');
    else {
      if ('repos' in links && !isStringArray(links.repos)) add('links', ['links', 'repos'], '"links.repos" must be a list of owner/repo globs');
      if ('online' in links && typeof links.online !== 'boolean') add('links', ['links', 'online'], '"links.online" must be true or false');
      if ('api' in links && (typeof links.api !== 'object' || links.api === null || !Object.values(links.api).every((u) => typeof u === 'string'))) {
        add('links', ['links', 'api'], '"links.api" must map forge hosts to API base URLs');
      }
    }
  }
  if ('contributors' in v) {
    const c = v.contributors as Record<string, unknown>;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) add('contributors', ['contributors'], '"contributors" must be an object');
    else {
      if ('sources' in c && !isStringArray(c.sources)) add('contributors', ['contributors', 'sources'], '"contributors.sources" must be a list of roster file paths');
      if ('handles' in c && !isStringArray(c.handles)) add('contributors', ['contributors', 'handles'], '"contributors.handles" must be a list of handles');
    }
  }
  return problems;
}
