import { DiagnosticSeverity, LSPErrorCodes, ResponseError, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, type Lang, type LintResult, type ResolvedConfig, type ResolvedTemplate } from '../../core';
import { withConfirmedApi } from '../../core/links/api';
import type { LinkSettings } from '../../core/links/types';
import type { TimeBudget } from '../../core/lint/engine';
import type { Services } from '../../core/services';
import type { ConfigStore } from '../config/store';
import { SOURCE, toLspDiagnostic } from '../convert';
import { say } from '../messages';
import { selectDocument } from './selection';
import { uriToPath } from '../uri';
import { nextTurn } from '../nextTurn';

/** Larger documents are not checked: parsing them would freeze the editor's diagnostics. */
// Twenty times the largest real minutes we know (96 KB): checking 1 MB takes about 1.7 s here
// from cold (long documents are parsed in pieces, see core/model/markdown.ts) and an edit re-parses
// one piece. Larger files would stall the server while typing; minutes-lint checks them.
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/**
 * The rules of one document may run this long; then the rest are skipped with a note. Between
 * rules the server answers what is waiting (completion, hover), so a slow document never holds
 * the others up for longer than one rule.
 */
const RULES_BUDGET: TimeBudget = {
  now: () => performance.now(),
  ms: 1500,
  pause: () => new Promise((resolve) => nextTurn(resolve)),
};

interface AnalysisBase {
  uri: string;
  /** The configuration's link settings with the API servers the user confirmed: what look-ups use. */
  links?: LinkSettings;
  version: number;
  path: string;
  diagnostics: LspDiagnostic[];
  /** Why the document was (not) linted, for the status bar. */
  reason: string;
  config?: ResolvedConfig;
}

export interface LintedAnalysis extends AnalysisBase {
  kind: 'linted';
  template: ResolvedTemplate;
  result: LintResult;
}

export interface SkippedAnalysis extends AnalysisBase {
  kind: 'skipped';
  template?: ResolvedTemplate;
}

export type Analysis = LintedAnalysis | SkippedAnalysis;

export interface AnalysisOptions {
  enabled: boolean;
  lang: Lang;
  /** False in an untrusted workspace: no network checks, whatever the repository's config says. */
  trusted: boolean;
  /** The user setting `communityMinutes.links.online`: the only switch for online link checks. */
  linksOnline?: boolean;
  /** The user setting `communityMinutes.links.api`: API servers the user confirmed. */
  confirmedApi?: Record<string, string>;
}

/**
 * Online link checks: turned on by the user's setting, in a trusted workspace. A configuration's
 * `links.online` is a wish only (a pull request can change it); the server notes it on the config.
 */
export function onlineChecks(options: AnalysisOptions): boolean {
  return options.trusted && options.linksOnline === true;
}

/**
 * Lints documents, one analysis per (document version, config generation, settings):
 * diagnostics, code actions and symbols share it instead of re-parsing. An analysis that a
 * newer one replaces, or whose document closes, is cancelled: its rules stop and it rejects
 * with LSP's ContentModified error, which a request handler may pass on as its answer (see
 * `isCancelled`).
 */
export class Analyzer {
  private memo = new Map<string, { key: string; analysis: Promise<Analysis>; cancel: AbortController }>();
  /** Bumped when client settings change. */
  settingsGeneration = 0;

  constructor(
    private readonly configs: ConfigStore,
    private readonly options: () => AnalysisOptions,
    private readonly log: (message: string) => void,
    private readonly services: Services,
    /**
     * Before a check of a workspace file starts: fetches what it will read (in a browser), or
     * waits for the background steps that build its roster (on Node).
     */
    private readonly prepare?: (path: string) => Promise<void>,
  ) {}

  analyze(document: TextDocument): Promise<Analysis> {
    const key = `${document.version}:${this.configs.generation}:${this.settingsGeneration}`;
    const memo = this.memo.get(document.uri);
    if (memo && memo.key === key) return memo.analysis;
    memo?.cancel.abort(outdated());
    const cancel = new AbortController();
    const analysis = this.run(document, cancel.signal);
    this.memo.set(document.uri, { key, analysis, cancel });
    return analysis;
  }

  /** The analysis for this exact version if one was made (no linting). */
  peek(uri: string, version: number): Promise<Analysis> | undefined {
    const memo = this.memo.get(uri);
    return memo && memo.key.startsWith(`${version}:`) ? memo.analysis : undefined;
  }

  forget(uri: string): void {
    this.memo.get(uri)?.cancel.abort(outdated());
    this.memo.delete(uri);
  }

  private async run(document: TextDocument, signal: AbortSignal): Promise<Analysis> {
    const { uri, version } = document;
    const { path, onDisk } = uriToPath(uri);
    const options = this.options();
    const { enabled, lang } = options;
    const base = { uri, version, path };
    if (!enabled) return { ...base, kind: 'skipped', diagnostics: [], reason: say('disabled', lang) };

    const text = document.getText();
    const bytes = utf8Length(text);
    if (bytes > MAX_DOCUMENT_BYTES) {
      const message = say('tooLarge', lang, { size: (bytes / 1024).toFixed(0), limit: MAX_DOCUMENT_BYTES / 1024 });
      const diagnostic: LspDiagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: SOURCE,
        message,
      };
      return { ...base, kind: 'skipped', diagnostics: [diagnostic], reason: message };
    }
    if (text.includes('\0')) return { ...base, kind: 'skipped', diagnostics: [], reason: say('binary', lang) };

    if (onDisk) await this.prepare?.(path);
    const config: ResolvedConfig = onDisk ? this.configs.resolve(path) : { config: {}, problems: [] };
    try {
      const selection = selectDocument(path, text, config, lang, this.services);
      if (!selection.lint)
        return { ...base, kind: 'skipped', diagnostics: [], reason: selection.reason, template: selection.template, config };
      const result = await lint({
        path,
        text,
        config,
        template: selection.template,
        lang,
        services: this.services,
        online: onlineChecks(options),
        confirmedApi: options.confirmedApi,
        budget: RULES_BUDGET,
        signal,
      });
      const diagnostics = result.diagnostics.map((d) => toLspDiagnostic(d, result.doc.lines, version));
      const links = withConfirmedApi(config.config.links, options.confirmedApi);
      return { ...base, kind: 'linted', template: result.template, result, diagnostics, reason: selection.reason, config, links };
    } catch (error) {
      if (isCancelled(error)) throw error;
      // A bug in the core must cost one document its diagnostics, not the whole server.
      this.log(`lint failed for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const message = say('internalError', lang, { error: error instanceof Error ? error.message : String(error) });
      const diagnostic: LspDiagnostic = {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        message,
      };
      return { ...base, kind: 'skipped', diagnostics: [diagnostic], reason: message, config };
    }
  }
}

const outdated = () => new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; this answer is outdated.');

/** The analysis was replaced by a newer one or its document closed: nothing to report, nothing to log. */
export function isCancelled(error: unknown): boolean {
  return error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified;
}

/** UTF-8 bytes of a text, without encoding it (and without Node's Buffer, absent in a browser). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
