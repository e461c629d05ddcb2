import { CONFIG_LIMITS, jsonDepth } from '../../config/load';
import { parseTree, ParseErrorCode, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { format, type Message } from '../../i18n/lang';
import { LineIndex } from '../../text/lines';
import { isPossibleLogin } from '../handle';
import type { HandleForge, RosterEntry, RosterProblem, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';
import { finish, listsOfTree, readingStrictJsonLists, TOO_DEEP, type JsonList } from './jsonLists';

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
  return finish(readingTeamJson(text, path));
}

/**
 * `parseTeamJson` a step at a time (`ITEMS_PER_STEP` people per step), for a host that reads
 * rosters in the background. A strict JSON file's entries are pushed to `entries` as they are
 * read, so that a caller may use the first people before the last are read.
 */
export function* readingTeamJson(text: string, path: string, entries: RosterEntry[] = []): Generator<void, RosterSourceResult> {
  const tooDeep = {
    entries: [],
    problems: [{ path, message: filled(sourceMessages.tooDeep, { n: CONFIG_LIMITS.jsonDepth }), start: 0, end: 0 }],
  };
  let lines: LineIndex | undefined;
  const lineOf = (offset: number) => (lines ??= new LineIndex(text)).position(offset).line;
  const problems: RosterProblem[] = [];
  const take = (role: string, { offset, value }: JsonList['items'][number]) => {
    const person =
      typeof value === 'string'
        ? { handle: value.trim().replace(/^@/, ''), forge: 'github' as HandleForge }
        : value && typeof value === 'object' && !Array.isArray(value)
          ? objectEntry(value as Record<string, unknown>)
          : undefined;
    if (!person?.handle) return;
    if (!isPossibleLogin(person.handle)) {
      problems.push(problemAtLine(path, text, lineOf(offset), sourceMessages.notLogin));
      return;
    }
    // Completed in place: 10,000 people are no reason to copy each.
    const entry = person as RosterEntry;
    entry.roles = [role];
    entry.source = { kind: 'team-json', path, line: lineOf(offset) };
    entries.push(entry);
  };
  // Most rosters are strict JSON, read quickly (people taken as they are read); the rest go
  // through jsonc-parser, which recovers, and its errors come first.
  const lists = yield* readingStrictJsonLists(text, CONFIG_LIMITS.jsonDepth, take);
  if (lists === TOO_DEEP) {
    entries.length = 0;
    return tooDeep;
  }
  if (!lists) {
    // The JSON parser recurses: ten thousand brackets would overflow its stack.
    if (jsonDepth(text, CONFIG_LIMITS.jsonDepth) > CONFIG_LIMITS.jsonDepth) return tooDeep;
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const e of errors) {
      // A missing comma belongs after the previous item, not before the next one.
      const at = e.error === ParseErrorCode.CommaExpected ? text.slice(0, e.offset).trimEnd().length - 1 : e.offset;
      const line = lineOf(Math.max(0, at));
      const error = describe(printParseErrorCode(e.error));
      const problem = problemAtLine(path, text, line, sourceMessages.jsonSyntax, { error: error.en });
      problem.message.zh = format(sourceMessages.jsonSyntax, 'zh', { line: line + 1, error: error.zh });
      problems.push(problem);
    }
    for (const { role, items } of listsOfTree(tree)) {
      for (const item of items) take(role, item);
      yield;
    }
  }
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}

function objectEntry(object: Record<string, unknown>): Omit<RosterEntry, 'roles' | 'source'> | undefined {
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key in object) {
    const value = object[key];
    if (typeof value === 'string' || typeof value === 'number') fields[key.toLowerCase()] = String(value).trim();
  }
  const login = LOGIN_KEYS.find(([key]) => fields[key]);
  if (!login) return undefined;
  return {
    handle: fields[login[0]].replace(/^@/, ''),
    forge: login[1],
    name: fields.name || undefined,
    org: fields.org || fields.organization || fields.company || undefined,
    email: fields.email || undefined,
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
