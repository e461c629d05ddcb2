import { format, type Message } from '../../i18n/lang';
import type { RosterProblem } from '../types';

/** Offsets of a 0-based line in `text`, for problems reported by line. */
export function lineSpan(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return { start: text.length, end: text.length };
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: (end < 0 ? text.length : end) - (text[end - 1] === '\r' ? 1 : 0) };
}

/** A problem on a line; `{line}` in the message is the 1-based line number. */
export function problemAtLine(
  path: string,
  text: string,
  line: number,
  message: Message,
  data: Record<string, string | number> = {},
): RosterProblem {
  return { path, message: filled(message, { line: line + 1, ...data }), ...lineSpan(text, line) };
}

/** A message with its placeholders filled in both languages. */
export function filled(message: Message, data: Record<string, string | number> = {}): Message {
  return { en: format(message, 'en', data), zh: format(message, 'zh', data) };
}

export const sourceMessages = {
  yamlIndentation: {
    en: 'line {line}: unexpected indentation; the line is ignored',
    zh: '第 {line} 行：缩进不对，已忽略该行',
  },
  yamlTab: {
    en: 'line {line}: YAML does not allow tabs for indentation',
    zh: '第 {line} 行：YAML 不允许用制表符缩进',
  },
  yamlSyntax: {
    en: 'line {line}: expected "key: value"; the line is ignored',
    zh: '第 {line} 行：应为「键: 值」，已忽略该行',
  },
  noPeople: {
    en: 'no contributors found in this file',
    zh: '该文件中没有找到贡献者',
  },
  jsonSyntax: {
    en: 'line {line}: {error}; the file was read leniently',
    zh: '第 {line} 行：{error}；已宽松读取该文件',
  },
  // Roster problems name the line, never its text: a configuration may point at a file that is
  // not a roster at all (a key, an environment dump), and its lines must not reach a CI log.
  notLogin: {
    en: 'line {line}: not a login; ignored',
    zh: '第 {line} 行：不是账号，已忽略',
  },
  notLoginItem: {
    en: '"contributors.handles" item {item}: not a login; ignored',
    zh: '"contributors.handles" 第 {item} 项：不是账号，已忽略',
  },
  unknownKind: {
    en: 'not a roster file this tool knows (team.json, sig-info.yaml, CODEOWNERS, OWNERS, OWNERS_ALIASES, or a .txt list of handles)',
    zh: '无法识别的名单文件（支持 team.json、sig-info.yaml、CODEOWNERS、OWNERS、OWNERS_ALIASES 或每行一个账号的 .txt）',
  },
  outside: {
    en: 'leads outside the repository ({root}); not read',
    zh: '指向仓库（{root}）之外，不会读取',
  },
  tooLarge: {
    en: 'too large ({size} KB, the limit is {limit} KB); not read',
    zh: '文件过大（{size} KB，上限 {limit} KB），不会读取',
  },
  tooDeep: {
    en: 'nested more than {n} levels deep; not read',
    zh: '嵌套超过 {n} 层，不会读取',
  },
  unreadable: {
    en: 'cannot read the roster file: {reason}',
    zh: '无法读取名单文件：{reason}',
  },
} satisfies Record<string, Message>;
