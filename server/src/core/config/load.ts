import { parseTree, printParseErrorCode, type Node, type ParseError, getNodeValue, findNodeAtLocation } from 'jsonc-parser';
import { builtinTemplate } from '../templates/registry';
import type { TemplateSpec } from '../templates/types';
import type { ConfigProblem, MinutesConfig, ResolvedConfig } from './types';
import { bilingual, validateConfig } from './validate';

export const CONFIG_FILE = '.minutesrc.json';

/** What config loading needs from its host: paths are absolute, `/`-separated. */
export interface ConfigHost {
  readFile(path: string): string | undefined;
  /** The workspace root: the upward search stops there. */
  root?: string;
}

export interface ParsedConfig {
  config: MinutesConfig;
  problems: ConfigProblem[];
}

/** Parses JSON with comments; syntax and shape problems come back with offsets, never thrown. */
export function parseConfigText(text: string, path: string): ParsedConfig {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    path,
    kind: 'syntax',
    message: bilingual('syntax', { detail: printParseErrorCode(e.error) }),
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
  }));
  if (!tree) return { config: {}, problems: problems.length ? problems : [{ path, kind: 'syntax', message: bilingual('empty'), start: 0, end: 0 }] };
  if (tree.type !== 'object') {
    return { config: {}, problems: [...problems, { path, kind: 'syntax', message: bilingual('notObject'), start: tree.offset, end: tree.offset + tree.length }] };
  }
  if (problems.length) return { config: {}, problems };
  const value = getNodeValue(tree) as MinutesConfig;
  const shape = validateConfig(value, (p) => spanAt(tree, p));
  const config = shape.length ? dropInvalid(value, shape.map((s) => s.key)) : value;
  return { config, problems: shape.map((s) => ({ path, kind: 'shape', key: s.key, message: s.message, ...s.span })) };
}

function spanAt(tree: Node, jsonPath: (string | number)[]): { start: number; end: number } {
  const node = findNodeAtLocation(tree, jsonPath) ?? tree;
  const target = node.parent?.type === 'property' ? node.parent : node;
  return { start: target.offset, end: target.offset + target.length };
}

function dropInvalid(config: MinutesConfig, badKeys: string[]): MinutesConfig {
  const copy: Record<string, unknown> = { ...config };
  for (const k of badKeys) delete copy[k];
  return copy as MinutesConfig;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/')) return normalizePath(rel);
  return normalizePath(`${dir}/${rel}`);
}

export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return '/' + out.join('/');
}

/** The nearest `.minutesrc.json` from the file's folder up to the root. */
export function findConfigFile(filePath: string, host: ConfigHost): string | undefined {
  let dir = dirname(filePath);
  const root = host.root ? normalizePath(host.root) : undefined;
  for (;;) {
    const candidate = `${dir === '/' ? '' : dir}/${CONFIG_FILE}`;
    if (host.readFile(candidate) !== undefined) return candidate;
    if (dir === '/' || dir === root) return undefined;
    dir = dirname(dir);
  }
}

/** Reads a config file and what it extends; later keys win, `rules` merge key by key. */
export function loadConfigFile(path: string, host: ConfigHost, seen: string[] = []): ParsedConfig {
  if (seen.includes(path)) {
    return { config: {}, problems: [{ path: seen[seen.length - 1], kind: 'reference', key: 'extends', message: bilingual('cycle', { chain: [...seen, path].join(' → ') }), start: 0, end: 0 }] };
  }
  const text = host.readFile(path);
  if (text === undefined) {
    return { config: {}, problems: [{ path: seen[seen.length - 1] ?? path, kind: 'reference', key: 'extends', message: bilingual('notFound', { path }), start: 0, end: 0 }] };
  }
  const own = parseConfigText(text, path);
  const parents = own.config.extends === undefined ? [] : Array.isArray(own.config.extends) ? own.config.extends : [own.config.extends];
  let merged: MinutesConfig = {};
  const problems: ConfigProblem[] = [];
  for (const parent of parents) {
    const loaded = loadConfigFile(joinPath(dirname(path), parent), host, [...seen, path]);
    merged = mergeConfig(merged, loaded.config);
    problems.push(...loaded.problems);
  }
  merged = mergeConfig(merged, own.config);
  delete merged.extends;
  return { config: merged, problems: [...problems, ...own.problems] };
}

export function mergeConfig(base: MinutesConfig, over: MinutesConfig): MinutesConfig {
  return {
    ...base,
    ...over,
    rules: { ...base.rules, ...over.rules },
    links: base.links || over.links ? { ...base.links, ...over.links } : undefined,
    contributors: base.contributors || over.contributors ? { ...base.contributors, ...over.contributors } : undefined,
  };
}

/** Loads the config that applies to `filePath` (or an explicit one) and the template it names. */
export function resolveConfig(filePath: string, host: ConfigHost, explicitConfig?: string): ResolvedConfig {
  const path = explicitConfig ?? findConfigFile(filePath, host);
  if (!path) return { config: {}, problems: [] };
  const loaded = loadConfigFile(path, host);
  const resolved: ResolvedConfig = { config: loaded.config, path, baseDir: dirname(path), problems: loaded.problems };
  const template = loaded.config.template;
  if (typeof template === 'object' && template) {
    resolved.template = template;
    resolved.templateReason = `inline in ${path}`;
  } else if (typeof template === 'string') {
    const builtin = builtinTemplate(template);
    if (builtin) {
      resolved.template = builtin;
      resolved.templateReason = `configured in ${path}`;
    } else if (/[/\\]|\.json$/.test(template)) {
      const templatePath = joinPath(dirname(path), template);
      const text = host.readFile(templatePath);
      const parsed = text === undefined ? undefined : parseTemplateText(text);
      if (parsed && 'spec' in parsed) {
        resolved.template = parsed.spec;
        resolved.templateReason = `${templatePath} (configured in ${path})`;
      } else {
        const why = text === undefined ? bilingual('templateMissing') : { en: parsed && 'error' in parsed ? parsed.error : 'unreadable', zh: parsed && 'error' in parsed ? parsed.error : '无法读取' };
        resolved.problems.push({
          path, kind: 'reference', key: 'template', start: 0, end: 0,
          message: { en: bilingual('templateFile', { path: templatePath, why: why.en }).en, zh: bilingual('templateFile', { path: templatePath, why: why.zh ?? why.en }).zh },
        });
      }
    } else {
      resolved.problems.push({ path, kind: 'reference', key: 'template', message: bilingual('templateUnknown', { id: template }), start: 0, end: 0 });
    }
  }
  return resolved;
}

export function parseTemplateText(text: string): { spec: TemplateSpec } | { error: string } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || !tree) return { error: `JSON syntax error: ${errors.length ? printParseErrorCode(errors[0].error) : 'empty'}` };
  const spec = getNodeValue(tree) as TemplateSpec;
  if (typeof spec !== 'object' || spec === null || typeof spec.id !== 'string') return { error: 'a template needs a string "id"' };
  return { spec };
}
