import { CONFIG_LIMITS, jsonDepth } from '../../config/load';
import { parseTree, ParseErrorCode, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { format, type Message } from '../../i18n/lang';
import { LineIndex } from '../../text/lines';
import { isPossibleLogin } from '../handle';
import type { HandleForge, RosterEntry, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';
import { roleFromKey } from './roles';

// What a person's login is called in object entries (`{ "github": "Wine93", "name": … }`).
const LOGIN_KEYS: Array<[string, HandleForge]> = [
  ['github', 'github'],
  ['login', 'github'],
  ['handle', 'github'],
  ['id', 'github'],
  ['gitee', 'gitee'],
  ['gitee_id', 'gitee'],
];

/**
 * Curve's `team.json`: role → list of GitHub logins (`"maintainers": ["Wangpan", …]`); items may
 * also be objects with a login and a `name`, `org` or `email`. Read leniently: the real file
 * misses commas between items, which a strict JSON parser rejects whole. jsonc-parser recovers
 * from each error; every one is reported with its line so the team can fix the file.
 */
export function parseTeamJson(text: string, path: string): RosterSourceResult {
  // The JSON parser recurses: ten thousand brackets would overflow its stack.
  if (jsonDepth(text, CONFIG_LIMITS.jsonDepth) > CONFIG_LIMITS.jsonDepth) {
    return { entries: [], problems: [{ path, message: filled(sourceMessages.tooDeep, { n: CONFIG_LIMITS.jsonDepth }), start: 0, end: 0 }] };
  }
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.position(offset).line;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems = errors.map((e) => {
    // A missing comma belongs after the previous item, not before the next one.
    const at = e.error === ParseErrorCode.CommaExpected ? text.slice(0, e.offset).trimEnd().length - 1 : e.offset;
    const line = lineOf(Math.max(0, at));
    const error = describe(printParseErrorCode(e.error));
    const problem = problemAtLine(path, text, line, sourceMessages.jsonSyntax, { error: error.en });
    problem.message.zh = format(sourceMessages.jsonSyntax, 'zh', { line: line + 1, error: error.zh });
    return problem;
  });
  const entries: RosterEntry[] = [];
  const visitObject = (node: Node, role: string | undefined): void => {
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (!keyNode || !value || typeof keyNode.value !== 'string' || keyNode.value.startsWith('_')) continue;
      const key = keyNode.value;
      if (value.type === 'array') readList(value, roleFromKey(key));
      // `{ "curvefs": { "maintainers": [...] } }`: a team per component.
      else if (value.type === 'object') visitObject(value, role);
    }
  };
  const readList = (list: Node, role: string): void => {
    for (const item of list.children ?? []) {
      const entry =
        item.type === 'string'
          ? { handle: String(item.value).trim().replace(/^@/, ''), forge: 'github' as HandleForge }
          : item.type === 'object'
            ? objectEntry(item)
            : undefined;
      if (!entry?.handle) continue;
      if (!isPossibleLogin(entry.handle)) {
        problems.push(problemAtLine(path, text, lineOf(item.offset), sourceMessages.notLogin));
        continue;
      }
      entries.push({ ...entry, roles: [role], source: { kind: 'team-json', path, line: lineOf(item.offset) } });
    }
  };
  if (root?.type === 'object') visitObject(root, undefined);
  else if (root?.type === 'array') readList(root, 'member');
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}

function objectEntry(node: Node): Omit<RosterEntry, 'roles' | 'source'> | undefined {
  const fields = new Map<string, string>();
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value && typeof key.value === 'string' && (value.type === 'string' || value.type === 'number'))
      fields.set(key.value.toLowerCase(), String(value.value).trim());
  }
  const login = LOGIN_KEYS.find(([key]) => fields.get(key));
  if (!login) return undefined;
  return {
    handle: fields.get(login[0])!.replace(/^@/, ''),
    forge: login[1],
    name: fields.get('name') || undefined,
    org: fields.get('org') || fields.get('organization') || fields.get('company') || undefined,
    email: fields.get('email') || undefined,
  };
}

const ERRORS_ZH: Record<string, string> = {
  CommaExpected: '缺少逗号',
  ColonExpected: '缺少冒号',
  ValueExpected: '缺少值',
  PropertyNameExpected: '缺少键名',
  CloseBraceExpected: '缺少 }',
  CloseBracketExpected: '缺少 ]',
  EndOfFileExpected: '文件末尾有多余内容',
  InvalidSymbol: '无效字符',
  UnexpectedEndOfString: '字符串没有结束',
  UnexpectedEndOfComment: '注释没有结束',
};

/** `CommaExpected` → `comma expected` / `缺少逗号`. */
function describe(code: string): Message {
  const en = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return { en, zh: ERRORS_ZH[code] ?? en };
}
