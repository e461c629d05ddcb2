/**
 * A team's template is data from the repository: before it is used, its shape is checked
 * against `schemas/template.schema.json` (the schema VS Code completes template files with, so
 * the editor and the checker agree), and every regular expression and glob in it is compiled by
 * the linear-time engine. A template that fails is reported on the configuration and not used;
 * nothing in it can throw later.
 */
import schema from '../../../../schemas/template.schema.json';
import { format, type Message } from '../i18n/lang';
import { globError } from '../regex/glob';
import { dataPattern, patternError } from '../regex/pattern';
import { builtinTemplate } from './registry';
import type { PlaceholderSpec, TemplateSpec } from './types';

export type JsonPath = Array<string | number>;

export interface TemplateProblem {
  /** Where in the template (`sections`, 0, `patterns`, 1). */
  path: JsonPath;
  message: Message;
}

const messages = {
  type: { en: 'must be {expected}', zh: '必须是{expected}' },
  enum: { en: 'must be one of {values}', zh: '必须是 {values} 之一' },
  required: { en: 'needs "{key}"', zh: '缺少「{key}」' },
  unknownKey: { en: 'unknown key "{key}"', zh: '未知的键「{key}」' },
  minimum: { en: 'must be at least {n}', zh: '不能小于 {n}' },
  maximum: { en: 'must be at most {n}', zh: '不能大于 {n}' },
  minItems: { en: 'needs at least {n} item(s)', zh: '至少需要 {n} 项' },
  maxItems: { en: 'takes at most {n} item(s)', zh: '最多 {n} 项' },
  minProperties: { en: 'must not be empty', zh: '不能为空' },
  pattern: { en: '"{value}" is not of the form {pattern}', zh: '「{value}」不符合格式 {pattern}' },
  regex: { en: 'invalid regular expression: {error}', zh: '正则表达式无效：{error}' },
  glob: { en: 'invalid glob: {error}', zh: '通配符无效：{error}' },
  extends: { en: '"{id}" is not a built-in template (only built-ins can be extended)', zh: '「{id}」不是内置模板（只能扩展内置模板）' },
  depth: { en: 'nested more than {n} levels deep', zh: '嵌套超过 {n} 层' },
} satisfies Record<string, Message>;

const TYPE_NAMES: Record<string, Message> = {
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'a list', zh: '列表' },
  null: { en: 'null', zh: 'null' },
};

/** Deeper than any real template (sections nest three or four levels): the walk stays short. */
const MAX_DEPTH = 64;

type Schema = {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
};

const root = schema as Schema & { definitions: Record<string, Schema> };

function say(id: keyof typeof messages, data: Record<string, string | number> = {}): Message {
  const strings = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)]));
  return { en: format(messages[id], 'en', strings), zh: format(messages[id], 'zh', strings) };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function expected(types: string[]): Message {
  const names = types.map((t) => TYPE_NAMES[t] ?? { en: t, zh: t });
  return {
    en: format(messages.type, 'en', { expected: names.map((n) => n.en).join(' or ') }),
    zh: format(messages.type, 'zh', { expected: names.map((n) => n.zh ?? n.en).join('或') }),
  };
}

function resolveRef(s: Schema): Schema {
  if (!s.$ref) return s;
  const name = s.$ref.replace('#/definitions/', '');
  return { ...root.definitions[name], ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) };
}

/** The schema keywords template.schema.json uses; anything else in it is documentation. */
function check(value: unknown, given: Schema, path: JsonPath, out: TemplateProblem[]): void {
  if (path.length > MAX_DEPTH) {
    out.push({ path, message: say('depth', { n: MAX_DEPTH }) });
    return;
  }
  const s = resolveRef(given);
  if (s.anyOf) {
    const attempts = s.anyOf.map((branch) => {
      const found: TemplateProblem[] = [];
      check(value, branch, path, found);
      return { branch: resolveRef(branch), found };
    });
    if (attempts.some((a) => !a.found.length)) return;
    // The branch of the value's own type says best what is wrong; else list the types allowed.
    const sameType = attempts.find((a) => typeof a.branch.type === 'string' && hasType(value, a.branch.type));
    if (sameType) out.push(...sameType.found);
    else out.push({ path, message: expected(attempts.flatMap((a) => (typeof a.branch.type === 'string' ? [a.branch.type] : []))) });
    return;
  }
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => hasType(value, t))) {
      out.push({ path, message: expected(types) });
      return;
    }
  }
  if (s.enum && !s.enum.includes(value)) {
    out.push({ path, message: say('enum', { values: s.enum.map((v) => JSON.stringify(v)).join(', ') }) });
    return;
  }
  if (typeof value === 'string') {
    if (s.pattern && dataPattern(s.pattern)?.test(value) === false)
      out.push({ path, message: say('pattern', { value, pattern: s.pattern }) });
    if (s.format === 'regex') {
      const error = patternError(value);
      if (error) out.push({ path, message: say('regex', { error }) });
    }
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) out.push({ path, message: say('minimum', { n: s.minimum }) });
    if (s.maximum !== undefined && value > s.maximum) out.push({ path, message: say('maximum', { n: s.maximum }) });
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) out.push({ path, message: say('minItems', { n: s.minItems }) });
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push({ path, message: say('maxItems', { n: s.maxItems }) });
    if (s.items) value.forEach((item, i) => check(item, s.items!, [...path, i], out));
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (s.minProperties !== undefined && keys.length < s.minProperties) out.push({ path, message: say('minProperties') });
    for (const key of s.required ?? []) if (!(key in object)) out.push({ path, message: say('required', { key }) });
    for (const key of keys) {
      const property = s.properties?.[key];
      if (property) check(object[key], property, [...path, key], out);
      else if (s.additionalProperties === false) out.push({ path: [...path, key], message: say('unknownKey', { key }) });
    }
  }
}

/** What the schema cannot say: placeholders that are patterns, globs, the built-in a template extends. */
function meaningProblems(spec: TemplateSpec): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (spec.extends !== undefined && !builtinTemplate(spec.extends))
    out.push({ path: ['extends'], message: say('extends', { id: spec.extends }) });
  const placeholders = (list: PlaceholderSpec[] | null | undefined, path: JsonPath) =>
    (list ?? []).forEach((p, i) => {
      const error = p.regex ? patternError(p.text) : undefined;
      if (error) out.push({ path: [...path, i, 'text'], message: say('regex', { error }) });
    });
  const globs = (list: ReadonlyArray<string | { glob: string }> | undefined, path: JsonPath) =>
    (list ?? []).forEach((entry, i) => {
      const error = globError(typeof entry === 'string' ? entry : entry.glob);
      if (error) out.push({ path: [...path, i], message: say('glob', { error }) });
    });
  placeholders(spec.placeholders, ['placeholders']);
  globs(spec.detect?.paths, ['detect', 'paths']);
  (spec.variants ?? []).forEach((variant, i) => {
    placeholders(variant.override?.placeholders, ['variants', i, 'override', 'placeholders']);
    globs(variant.when.paths, ['variants', i, 'when', 'paths']);
  });
  return out;
}

/** Problems of a template object from a team (inline, a file, `--template`); empty when it can be used. */
export function validateTemplate(value: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  check(value, root, [], problems);
  return problems.length ? problems : meaningProblems(value as TemplateSpec);
}

/** `sections[0].patterns[1]`: where a problem is, as a reader of the JSON would write it. */
export function jsonPathText(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') || '(the template)';
}
