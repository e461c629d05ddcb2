/**
 * Links in the editor beyond diagnostics: where online look-ups are answered (the client, or
 * this process for editors that do not answer `minutes/linkStatus`), document links for
 * `#N` shorthands, and the hover on a PR/issue link.
 */
import type { Connection, Hover, Position, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../core';
import type { LinkStatus } from '../../core/links/types';
import { isCancelled, type Analysis, type Analyzer } from '../diagnostics/analysis';
import { documentLinks } from './documentLinks';
import { linkHover } from './hover';
import { LinkLookups, type LookupSource } from './lookups';
import { LINK_STATUS_METHOD, LINK_STATUS_RESET_METHOD, type LinkStatusParams, type LinkStatusResult } from '../../protocol';

export const LINK_CAPABILITIES: ServerCapabilities = {
  documentLinkProvider: { resolveProvider: false },
};

export interface LinkSourceOptions {
  /**
   * Known once the client has started: `viaClient` when it said (`initializationOptions.linkLookups:
   * "client"`) that it answers `minutes/linkStatus`; else `cachePath` (`initializationOptions.linkCache`)
   * is where this process keeps its own answers.
   */
  source(): { viaClient: boolean; cachePath?: string };
  /** No look-up at all in an untrusted workspace, whoever would make it. */
  trusted(): boolean;
  log(message: string): void;
  /** The look-ups this process makes itself (ServerPlatform.ownLinkLookups). */
  own(cachePath: string | undefined): LookupSource;
}

export function createLinkLookups(connection: Connection, options: LinkSourceOptions): LinkLookups {
  const refuse: LookupSource = async (lookups) => lookups.map((): LinkStatus => ({ state: 'unverified', reason: 'untrusted' }));
  const viaClient: LookupSource = async (lookups) => {
    try {
      const result = await connection.sendRequest<LinkStatusResult>(LINK_STATUS_METHOD, { lookups } satisfies LinkStatusParams);
      return Array.isArray(result?.statuses) ? result.statuses : [];
    } catch (error) {
      options.log(`online link check failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  };
  let own: LookupSource | undefined;
  const here = (): LookupSource => (own ??= options.own(options.source().cachePath));
  return new LinkLookups(() => (!options.trusted() ? refuse : options.source().viaClient ? viaClient : here()));
}

export interface LinkFeaturesContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  lookups: LinkLookups;
  lang(): Lang;
  /** Online checks are on for this analysis (setting or `links.online`, and a trusted workspace). */
  online(analysis: Analysis): boolean;
  /** Is the workspace trusted? Untrusted ones never reach the network. */
  trusted(): boolean;
  isConfigDocument(uri: string): boolean;
  /** Lint the open documents again: answers changed. */
  recheck(): void;
  log(message: string): void;
}

/** Registers document links and the reset notification; returns the link hover for the hover handler. */
export function registerLinkFeatures(
  connection: Connection,
  context: LinkFeaturesContext,
): (document: TextDocument, position: Position, analysis: Analysis) => Promise<Hover | null> {
  const { documents, analyzer, lookups } = context;
  lookups.onLearned = () => context.recheck();

  connection.onDocumentLinks(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || context.isConfigDocument(document.uri)) return [];
    try {
      return documentLinks(await analyzer.analyze(document), lookups);
    } catch (error) {
      if (!isCancelled(error))
        context.log(`document links failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return [];
    }
  });

  // After a sign-in, "not found" and "unverified" may have become answerable.
  connection.onNotification(LINK_STATUS_RESET_METHOD, () => {
    lookups.reset();
    context.recheck();
  });

  return (document, position, analysis) =>
    linkHover(document, position, analysis, {
      lang: context.lang(),
      online: context.online(analysis),
      untrusted: !context.trusted(),
      lookups,
    });
}
