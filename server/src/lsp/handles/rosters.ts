import { DiagnosticSeverity, DidChangeWatchedFilesNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { LineIndex, type Lang } from '../../core';
import type { RosterProblem } from '../../core/roster';
import type { RosterStore } from '../../core/roster/store';
import { SOURCE, toRange } from '../convert';

/**
 * Publishes the problems of roster files (a `team.json` with missing commas) on those files,
 * so the team sees them in the Problems view; linting goes on with what could be read.
 */
export class RosterProblemsPublisher {
  private published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly rosters: RosterStore,
    private readonly readFile: (path: string) => string | undefined,
    private readonly uriFor: (path: string) => string,
  ) {}

  publish(lang: Lang, enabled: boolean): void {
    const byFile = new Map<string, RosterProblem[]>();
    if (enabled) for (const p of this.rosters.problems()) byFile.set(p.path, [...(byFile.get(p.path) ?? []), p]);
    for (const [path, problems] of byFile) {
      const text = this.readFile(path) ?? '';
      const lines = new LineIndex(text);
      const diagnostics: Diagnostic[] = problems.map((p) => ({
        range: toRange(lines, { start: Math.min(p.start, text.length), end: Math.min(p.end, text.length) }),
        severity: DiagnosticSeverity.Warning,
        source: SOURCE,
        message: p.message[lang] || p.message.en,
      }));
      const key = JSON.stringify(diagnostics);
      if (this.published.get(path) === key) continue;
      this.published.set(path, key);
      void this.connection.sendDiagnostics({ uri: this.uriFor(path), diagnostics });
    }
    for (const path of [...this.published.keys()]) {
      if (byFile.has(path)) continue;
      this.published.delete(path);
      void this.connection.sendDiagnostics({ uri: this.uriFor(path), diagnostics: [] });
    }
  }
}

/**
 * Files whose changes the rosters need to hear about, registered once: the minutes (their
 * mentions feed the usage index) and roster files under their usual names. Roster files a config
 * names elsewhere are watched with the config's other files (`ConfigStore.referencedFiles`).
 */
export const ROSTER_WATCH_GLOBS = ['**/*.{md,markdown,txt}', '**/{team.json,CODEOWNERS,OWNERS,OWNERS_ALIASES,*sig-info.yaml}'];

export function watchRosterFiles(connection: Connection): void {
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: ROSTER_WATCH_GLOBS.map((globPattern) => ({ globPattern })),
  });
}
