/**
 * `minutes/summary`: what the preview pane shows above the rendered minutes (date, host,
 * attendees, decisions, action items, linked PRs, problems). It reuses the analysis the
 * diagnostics were made from, so asking for it after each edit costs no second lint.
 */
import { RequestType, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../core';
import type { Roster } from '../../core/roster';
import { apiBase } from '../../core/links/api';
import type { LinkStatusService } from '../../core/services';
import { summarize } from '../../core/summary';
import { isCancelled, type Analyzer } from '../diagnostics/analysis';
import { uriToPath } from '../uri';
import { SUMMARY_METHOD, type SummaryParams, type SummaryResult } from '../../protocol';

export const summaryRequest = new RequestType<SummaryParams, SummaryResult | null, void>(SUMMARY_METHOD);

export interface SummaryContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  lang(): Lang;
  log(message: string): void;
  /** The contributors known where a file on disk lives: their names go next to the handles. */
  roster?(path: string): Roster | undefined;
  /** What online checks have learnt about the linked PRs (their state and title in the list). */
  linkStatus?: LinkStatusService;
}

export function registerSummary(connection: Connection, context: SummaryContext): void {
  connection.onRequest(summaryRequest, async ({ uri }) => {
    // Only open documents: the preview follows the editor's text, not the file on disk.
    const document = context.documents.get(uri);
    if (!document) return null;
    try {
      const analysis = await context.analyzer.analyze(document);
      const base = { uri, version: analysis.version, linted: analysis.kind === 'linted', reason: analysis.reason };
      if (analysis.kind !== 'linted') return base;
      const { doc, template, diagnostics } = analysis.result;
      const { path, onDisk } = uriToPath(uri);
      const roster = onDisk ? context.roster?.(path) : undefined;
      return {
        ...base,
        summary: summarize(doc, template, diagnostics, {
          lang: context.lang(),
          links: analysis.links,
          roster: roster && ((handle) => roster.declared(handle)?.name),
          linkStatus: (target) => {
            const api = apiBase(target, analysis.links);
            return api ? context.linkStatus?.cached?.(target, api) : undefined;
          },
        }),
      };
    } catch (error) {
      if (!isCancelled(error))
        context.log(`summary of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  });
}
