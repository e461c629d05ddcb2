import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { DiagnosticSeverity, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { LineIndex, type Lang, type Span } from '../../core';
import type { ConfigProblem } from '../../core/config/types';
import type { ConfigStore } from './store';
import { SOURCE, toRange } from '../convert';
import { say } from '../messages';

/**
 * Diagnostics on `.minutesrc.json` files themselves: a broken config is shown where it is
 * broken, while the documents it governs fall back to the defaults.
 */
export function configFileDiagnostics(problems: ConfigProblem[], text: string, lang: Lang): LspDiagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((p) => ({
    range: toRange(lines, locate(p, text, lines)),
    severity:
      p.kind === 'syntax' ? DiagnosticSeverity.Error : p.kind === 'notice' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: say('configProblem', lang, { message: p.message[lang] }),
  }));
}

/** Problems without a position (unknown template, missing `extends` target) point at their key. */
function locate(problem: ConfigProblem, text: string, lines: LineIndex): Span {
  if (problem.end > problem.start || problem.start > 0) return { start: problem.start, end: Math.min(problem.end, text.length) };
  const key = problem.key;
  if (key) {
    const tree = parseTree(text);
    const node = tree && findNodeAtLocation(tree, [key]);
    if (node) return { start: node.offset, end: node.offset + node.length };
  }
  return lines.lineSpan(0);
}

/**
 * Publishes the problems of every known config file, and clears files that became clean.
 * Work is done only when the config store changed (or when forced by a settings change).
 */
export class ConfigDiagnosticsPublisher {
  private published = new Set<string>();
  private revision = -1;

  constructor(
    private readonly connection: Connection,
    private readonly configs: ConfigStore,
    /** The URI the editor uses for a path (an open document's spelling wins). */
    private readonly uriFor: (path: string) => string,
  ) {}

  publish(options: { enabled: boolean; lang: Lang; force?: boolean }): void {
    if (!options.force && this.revision === this.configs.revision) return;
    this.revision = this.configs.revision;
    const now = new Set<string>();
    for (const [path, problems] of this.configs.problemsByFile()) {
      const uri = this.uriFor(path);
      now.add(uri);
      const text = this.configs.host(this.configs.rootFor(path)).readFile(path) ?? '';
      const diagnostics = options.enabled ? configFileDiagnostics(problems, text, options.lang) : [];
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }
}
