import { parseTree, printParseErrorCode, type Node, type ParseError, getNodeValue, findNodeAtLocation } from 'jsonc-parser';
import { builtinTemplate } from '../templates/registry';
import type { TemplateSpec } from '../templates/types';
import type { Message } from '../i18n/lang';
import { jsonPathText, validateTemplate } from '../templates/validate';
import type { ConfigMessageId } from './messages';
import { allRules } from '../rules';
import type { Severity } from '../rules/types';
import type { ConfigProblem, MinutesConfig, NetworkWish, ResolvedConfig, RuleSetting } from './types';
import { bilingual, validateConfig, type RuleCatalog, type ShapeProblem } from './validate';
import { CONFIG_FILE, dirname, isInside, joinPath, normalizePath } from './paths';

// The client (new-minutes dialog, preview links) imports these from paths.ts: loading a
// configuration brings the rule catalog, which a client bundle does not need.
export { CONFIG_FILE, dirname, isInside, joinPath, normalizePath } from './paths';

/**
 * Bounds on what a repository's configuration can make us read: far above any real
 * configuration (a few KB, one or two `extends`), far below what would stall CI or the editor.
 */
export const CONFIG_LIMITS = { fileBytes: 1024 * 1024, jsonDepth: 64, extendsDepth: 16, extendsFiles: 64 };

/** What config loading needs from its host: paths are absolute, `/`-separated. */
export interface ConfigHost {
  readFile(path: string): string | undefined;
  /** The workspace root: the upward search stops there. */
  root?: string;
  /**
   * The folder every path a configuration names must stay in (docs/configuration.md, "Security").
   * Default: `root` when it holds the configuration, else the configuration's own folder.
   */
  repositoryRoot?(configPath: string): string;
  /** Where a path leads once links are followed: hosts with a file system say; the lexical check always applies. */
  locate?(path: string, root: string): 'inside' | 'outside' | 'missing';
  /** A file's size in bytes, so that a huge file is refused before it is read. */
  fileSize?(path: string): number | undefined;
}

export interface ParsedConfig {
  config: MinutesConfig;
  problems: ConfigProblem[];
  /** Offsets of a value in the file, when it is there. */
  valueAt?(jsonPath: (string | number)[]): { start: number; end: number } | undefined;
}

/**
 * How deep `[` and `{` nest, counted without recursion (strings and comments skipped): the JSON
 * parser recurses, and ten thousand brackets would overflow its stack.
 */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '[' || c === '{') {
      max = Math.max(max, ++depth);
      if (max > limit) return max;
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return max;
}

/** Parses JSON with comments; syntax and shape problems come back with offsets, never thrown. */
export function parseConfigText(text: string, path: string): ParsedConfig {
  if (jsonDepth(text, CONFIG_LIMITS.jsonDepth) > CONFIG_LIMITS.jsonDepth) {
    return {
      config: {},
      problems: [{ path, kind: 'syntax', message: bilingual('tooDeep', { n: String(CONFIG_LIMITS.jsonDepth) }), start: 0, end: 0 }],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    path,
    kind: 'syntax',
    message: bilingual('syntax', { detail: printParseErrorCode(e.error) }),
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
  }));
  if (!tree)
    return { config: {}, problems: problems.length ? problems : [{ path, kind: 'syntax', message: bilingual('empty'), start: 0, end: 0 }] };
  if (tree.type !== 'object') {
    return {
      config: {},
      problems: [
        ...problems,
        { path, kind: 'syntax', message: bilingual('notObject'), start: tree.offset, end: tree.offset + tree.length },
      ],
    };
  }
  if (problems.length) return { config: {}, problems };
  const valueAt = (p: (string | number)[]) => {
    const node = findNodeAtLocation(tree, p);
    return node && { start: node.offset, end: node.offset + node.length };
  };
  const value = getNodeValue(tree) as MinutesConfig;
  const shape = validateConfig(value, (p) => spanAt(tree, p), RULE_CATALOG);
  const config = shape.length ? dropInvalid(value, shape) : value;
  return { config, problems: shape.map((s) => ({ path, kind: 'shape', key: s.key, message: s.message, ...s.span })), valueAt };
}

function spanAt(tree: Node, jsonPath: (string | number)[]): { start: number; end: number } {
  const node = findNodeAtLocation(tree, jsonPath) ?? tree;
  const target = node.parent?.type === 'property' ? node.parent : node;
  return { start: target.offset, end: target.offset + target.length };
}

/** The configuration without what its problems invalidate: a whole key, or one rule's setting or options. */
function dropInvalid(config: MinutesConfig, problems: readonly ShapeProblem[]): MinutesConfig {
  const copy: Record<string, unknown> = { ...config };
  const rules: Record<string, RuleSetting> = { ...config.rules };
  for (const p of problems) {
    if (!p.rule) delete copy[p.key];
    else if (p.rule.drop === 'setting') delete rules[p.rule.id];
    else rules[p.rule.id] = (rules[p.rule.id] as [Severity | 'off', unknown])[0];
  }
  if ('rules' in copy) copy.rules = rules;
  return copy;
}

const RULE_CATALOG: RuleCatalog = new Map(allRules.map((rule) => [rule.id, rule.options]));

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

/** Where a problem about a value of a config file is shown: on that value, else on its top-level key's. */
function problemAt(
  parsed: ParsedConfig | undefined,
  path: string,
  jsonPath: (string | number)[],
  kind: ConfigProblem['kind'],
  message: Message,
): ConfigProblem {
  const span = parsed?.valueAt?.(jsonPath) ?? parsed?.valueAt?.(jsonPath.slice(0, 1)) ?? { start: 0, end: 0 };
  return { path, kind, key: String(jsonPath[0]), message, ...span };
}

/** One resolution: the repository root, the files read so far (diamonds are read once), bounds. */
interface Loading {
  host: ConfigHost;
  root: string;
  memo: Map<string, ParsedConfig>;
  files: number;
}

export function repositoryRootOf(configPath: string, host: ConfigHost): string {
  if (host.repositoryRoot) return normalizePath(host.repositoryRoot(configPath));
  const root = host.root ? normalizePath(host.root) : undefined;
  return root && isInside(configPath, root) ? root : dirname(configPath);
}

/** A path a configuration names, resolved against `base`; undefined when it leads outside the repository. */
function containedPath(base: string, relative: string, loading: Loading): string | undefined {
  const path = joinPath(base, relative);
  if (!isInside(path, loading.root) || loading.host.locate?.(path, loading.root) === 'outside') return undefined;
  return path;
}

function outsideMessage(key: string, value: string, root: string): Message {
  return bilingual('outside', { key, value, root });
}

/** A file's text within the size limit; a problem when it is larger. */
function readBounded(path: string, host: ConfigHost): { text?: string; tooLarge?: Message } {
  const size = host.fileSize?.(path);
  const limit = CONFIG_LIMITS.fileBytes;
  const tooLarge = (bytes: number) => bilingual('tooLarge', { path, size: (bytes / 1024).toFixed(0), limit: String(limit / 1024) });
  if (size !== undefined && size > limit) return { tooLarge: tooLarge(size) };
  const text = host.readFile(path);
  // Hosts without sizes (tests, open editor buffers) are measured after reading.
  if (text !== undefined && text.length > limit) return { tooLarge: tooLarge(text.length) };
  return { text };
}

interface ExtendedFrom {
  parsed: ParsedConfig;
  path: string;
  jsonPath: (string | number)[];
}

/** Reads a config file and what it extends; later keys win, `rules` merge key by key. */
function loadConfig(path: string, loading: Loading, chain: string[], from?: ExtendedFrom): ParsedConfig {
  const refused = (message: Message): ParsedConfig => ({
    config: {},
    problems: [
      from
        ? problemAt(from.parsed, from.path, from.jsonPath, 'reference', message)
        : { path, kind: 'reference', key: 'extends', message, start: 0, end: 0 },
    ],
  });
  if (chain.includes(path)) return refused(bilingual('cycle', { chain: [...chain, path].join(' → ') }));
  if (chain.length > CONFIG_LIMITS.extendsDepth) return refused(bilingual('extendsDepth', { n: String(CONFIG_LIMITS.extendsDepth), path }));
  const known = loading.memo.get(path);
  if (known) return { config: known.config, problems: [] };
  if (++loading.files > CONFIG_LIMITS.extendsFiles)
    return refused(bilingual('extendsCount', { n: String(CONFIG_LIMITS.extendsFiles), path }));
  const { text, tooLarge } = readBounded(path, loading.host);
  if (tooLarge) return refused(tooLarge);
  if (text === undefined) return refused(bilingual('notFound', { path }));
  const own = parseConfigText(text, path);
  const problems: ConfigProblem[] = [];
  let merged: MinutesConfig = {};
  const parents = own.config.extends === undefined ? [] : Array.isArray(own.config.extends) ? own.config.extends : [own.config.extends];
  parents.forEach((parent, i) => {
    const jsonPath = Array.isArray(own.config.extends) ? ['extends', i] : ['extends'];
    const target = containedPath(dirname(path), parent, loading);
    if (!target) {
      problems.push(problemAt(own, path, jsonPath, 'reference', outsideMessage('extends', parent, loading.root)));
      return;
    }
    const loaded = loadConfig(target, loading, [...chain, path], { parsed: own, path, jsonPath });
    merged = mergeConfig(merged, loaded.config);
    problems.push(...loaded.problems);
  });
  merged = mergeConfig(merged, own.config);
  delete merged.extends;
  const result = { config: merged, problems: [...problems, ...own.problems], valueAt: own.valueAt };
  loading.memo.set(path, result);
  return result;
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

/** Roster files outside the repository are dropped before anything reads them. */
function containSources(loaded: ParsedConfig, path: string, loading: Loading): ConfigProblem[] {
  const sources = loaded.config.contributors?.sources;
  if (!sources?.length) return [];
  const problems: ConfigProblem[] = [];
  const kept = sources.filter((source, i) => {
    if (containedPath(dirname(path), source, loading)) return true;
    problems.push(
      problemAt(loaded, path, ['contributors', 'sources', i], 'reference', outsideMessage('contributors.sources', source, loading.root)),
    );
    return false;
  });
  loaded.config.contributors = { ...loaded.config.contributors, sources: kept };
  return problems;
}

/** Loads the config that applies to `filePath` (or an explicit one) and the template it names. */
export function resolveConfig(filePath: string, host: ConfigHost, explicitConfig?: string): ResolvedConfig {
  const path = explicitConfig ?? findConfigFile(filePath, host);
  if (!path) return { config: {}, problems: [] };
  const loading: Loading = { host, root: repositoryRootOf(path, host), memo: new Map(), files: 0 };
  const loaded = loadConfig(path, loading, []);
  loaded.config = { ...loaded.config };
  const resolved: ResolvedConfig = {
    config: loaded.config,
    path,
    baseDir: dirname(path),
    root: loading.root,
    problems: [...loaded.problems, ...containSources(loaded, path, loading)],
    wishes: networkWishes(loaded, path),
  };
  const template = loaded.config.template;
  const templateProblem = (jsonPath: (string | number)[], message: Message) =>
    resolved.problems.push(problemAt(loaded, path, jsonPath, 'reference', message));
  if (typeof template === 'object' && template) {
    const problems = validateTemplate(template);
    // Each problem on its own value: the template is written right here.
    for (const p of problems.slice(0, MAX_TEMPLATE_PROBLEMS)) {
      templateProblem(['template', ...p.path], bilingual2('templateInvalid', { where: jsonPathText(p.path) }, p.message));
    }
    if (!problems.length) {
      resolved.template = template;
      resolved.templateReason = `inline in ${path}`;
    }
  } else if (typeof template === 'string') {
    const builtin = builtinTemplate(template);
    if (builtin) {
      resolved.template = builtin;
      resolved.templateReason = `configured in ${path}`;
    } else if (/[/\\]|\.json$/.test(template)) {
      const templatePath = containedPath(dirname(path), template, loading);
      if (!templatePath) {
        templateProblem(['template'], outsideMessage('template', template, loading.root));
        return resolved;
      }
      const { text, tooLarge } = readBounded(templatePath, host);
      const parsed = text === undefined ? undefined : parseTemplateText(text);
      if (parsed && 'spec' in parsed) {
        resolved.template = parsed.spec;
        resolved.templateReason = `${templatePath} (configured in ${path})`;
      } else {
        const why = tooLarge ?? (parsed ? parsed.error : bilingual('templateMissing'));
        templateProblem(['template'], bilingual2('templateFile', { path: templatePath }, why, 'why'));
      }
    } else {
      templateProblem(['template'], bilingual('templateUnknown', { id: template }));
    }
  }
  return resolved;
}

function networkWishes(loaded: ParsedConfig, path: string): NetworkWish[] {
  const links = loaded.config.links;
  const at = (jsonPath: (string | number)[]) => {
    const { start, end } = problemAt(loaded, path, jsonPath, 'notice', { en: '', zh: '' });
    return { path, start, end };
  };
  const wishes: NetworkWish[] = [];
  if (links?.online === true) wishes.push({ key: 'online', ...at(['links', 'online']) });
  for (const [host, url] of Object.entries(links?.api ?? {})) wishes.push({ key: 'api', host, url, ...at(['links', 'api', host]) });
  return wishes;
}

/** An inline template with many mistakes: the first few are shown, on their values. */
const MAX_TEMPLATE_PROBLEMS = 10;

/** A config message whose `{problem}` (or another slot) is itself a message in both languages. */
function bilingual2(id: ConfigMessageId, data: Record<string, string>, inner: Message, slot = 'problem'): Message {
  return { en: bilingual(id, { ...data, [slot]: inner.en }).en, zh: bilingual(id, { ...data, [slot]: inner.zh || inner.en }).zh };
}

/** A team template file's text: JSON, of the template's shape, every pattern usable. */
export function parseTemplateText(text: string): { spec: TemplateSpec } | { error: Message } {
  if (jsonDepth(text, CONFIG_LIMITS.jsonDepth) > CONFIG_LIMITS.jsonDepth)
    return { error: bilingual('tooDeep', { n: String(CONFIG_LIMITS.jsonDepth) }) };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || !tree)
    return { error: bilingual('syntax', { detail: errors.length ? printParseErrorCode(errors[0].error) : 'empty' }) };
  const spec = getNodeValue(tree) as TemplateSpec;
  const problems = validateTemplate(spec);
  if (problems.length) {
    const more =
      problems.length > 1 ? { en: ` (and ${problems.length - 1} more)`, zh: `（另有 ${problems.length - 1} 处）` } : { en: '', zh: '' };
    const where = jsonPathText(problems[0].path);
    return { error: { en: `${where}: ${problems[0].message.en}${more.en}`, zh: `${where}：${problems[0].message.zh}${more.zh}` } };
  }
  return { spec };
}
