/**
 * Contributor handles in the editor: the roster service the rules ask, completion after `@` and
 * in attendee lists, hovers, rename and references of a login, and the roster files' problems.
 */
import {
  ResponseError,
  type Connection,
  type Hover,
  type Position,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../core';
import { documentForge, type Roster } from '../../core/roster';
import type { RosterStore } from '../../core/roster/store';
import type { Analysis, Analyzer } from '../diagnostics/analysis';
import { COMPLETION_TRIGGERS, completions, resolveCompletion, type PersonData } from './completion';
import type { ConfigStore } from '../config/store';
import { hover } from './hover';
import { handleReferences, mentionUnderCursor, prepareRename, renameHandle, type HandleWorkspace } from './rename';
import { RosterProblemsPublisher } from './rosters';
import { pathToUri, uriToPath } from '../uri';

export const HANDLE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
  hoverProvider: true,
  renameProvider: { prepareProvider: true },
  referencesProvider: true,
};

/** `Services.roster` for workspace documents: the roster of their workspace folder and config. */
export function rosterService(rosters: RosterStore, configs: ConfigStore): (path: string) => Roster | undefined {
  return (path) => {
    rosters.syncConfigGeneration(configs.generation);
    return rosters.rosterFor(configs.resolve(path), configs.rootFor(path));
  };
}

export interface HandleFeaturesContext {
  documents: TextDocuments<TextDocument>;
  analyzer: Analyzer;
  rosters: RosterStore;
  configs: ConfigStore;
  /** A workspace file's text (ServerPlatform.readFile). */
  readFile(path: string): string | undefined;
  lang(): Lang;
  enabled(): boolean;
  documentChanges(): boolean;
  isConfigDocument(uri: string): boolean;
  log(message: string): void;
  /** The hover of PR/issue links (links.ts), asked when the cursor is on no handle. */
  linkHover?(document: TextDocument, position: Position, analysis: Analysis): Promise<Hover | null>;
  /** The history of the item under the cursor across the series' meetings (items.ts). */
  itemHover?(document: TextDocument, position: Position, analysis: Analysis): Hover | null;
}

export interface HandleFeatures {
  /** A document's check was published: its roster gets ready for completion when the server is idle. */
  checked(uri: string): void;
  /** Minutes files changed on disk (the usage index moved): the open documents' rosters get ready again. */
  minutesChanged(): void;
}

export function registerHandleFeatures(connection: Connection, context: HandleFeaturesContext): HandleFeatures {
  const { documents, analyzer, rosters } = context;
  const rosterFor = rosterService(rosters, context.configs);
  const readDisk = context.readFile;
  const readFile = (path: string) =>
    documents
      .all()
      .find((d) => uriToPath(d.uri).path === path)
      ?.getText() ?? readDisk(path);
  const uriFor = (path: string) => documents.all().find((d) => uriToPath(d.uri).path === path)?.uri ?? pathToUri(path);
  const problems = new RosterProblemsPublisher(connection, rosters, readDisk, uriFor);
  const workspace: HandleWorkspace = {
    openDocuments: () =>
      documents
        .all()
        .filter((d) => !context.isConfigDocument(d.uri) && uriToPath(d.uri).onDisk)
        .map((document) => ({ document, path: uriToPath(document.uri).path })),
    readFile,
  };
  const target = (uri: string) => {
    const document = documents.get(uri);
    if (!document || context.isConfigDocument(uri)) return undefined;
    const { path, onDisk } = uriToPath(uri);
    return { document, roster: onDisk ? rosterFor(path) : undefined };
  };
  const guarded = <T>(what: string, fallback: T, run: () => Promise<T>): Promise<T> =>
    run().catch((error: unknown) => {
      if (error instanceof ResponseError) throw error; // meant for the user (an impossible new login)
      context.log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    });

  // Rosters are built while linting; their files' problems are published once that settles.
  // (The publisher sends a file's diagnostics only when they changed.)
  let publishing: ReturnType<typeof setTimeout> | undefined;
  rosters.onDidBuild = () => {
    publishing ??= setTimeout(() => {
      publishing = undefined;
      problems.publish(context.lang(), context.enabled());
    }, 50);
  };

  // The roster is read and its completion index built after a check, in a task of its own, so
  // that the first `@` typed finds them ready (it waits only if that task is still running).
  const toPrepare = new Set<string>();
  let preparing: ReturnType<typeof setTimeout> | undefined;
  const prepareCompletion = (uri: string) => {
    toPrepare.add(uri);
    preparing ??= setTimeout(() => {
      preparing = undefined;
      const uris = [...toPrepare];
      toPrepare.clear();
      for (const uri of uris) {
        try {
          target(uri)?.roster?.prepareCompletion();
        } catch (error) {
          context.log(`preparing completion failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
    }, 0);
  };

  connection.onCompletion((params) =>
    guarded('completion', null, async () => {
      const t = target(params.textDocument.uri);
      if (!t) return null;
      return completions(t.document, params.position, t.roster, () => analyzer.analyze(t.document), context.lang());
    }),
  );

  connection.onCompletionResolve((item) =>
    guarded('completion resolve', item, async () => {
      const uri = (item.data as Partial<PersonData> | undefined)?.uri;
      return resolveCompletion(item, typeof uri === 'string' ? target(uri)?.roster : undefined, context.lang());
    }),
  );

  connection.onHover((params) =>
    guarded('hover', null, async () => {
      const t = target(params.textDocument.uri);
      if (!t) return null;
      const analysis = await analyzer.analyze(t.document);
      return (
        hover(t.document, params.position, analysis, t.roster, context.lang()) ??
        (await context.linkHover?.(t.document, params.position, analysis)) ??
        context.itemHover?.(t.document, params.position, analysis) ??
        null
      );
    }),
  );

  connection.onPrepareRename((params) =>
    guarded('prepare rename', null, async () => {
      const t = target(params.textDocument.uri);
      if (!t) return null;
      return prepareRename(t.document, params.position, await analyzer.analyze(t.document));
    }),
  );

  connection.onRenameRequest((params) =>
    guarded('rename', null, async () => {
      const t = target(params.textDocument.uri);
      if (!t) return null;
      const analysis = await analyzer.analyze(t.document);
      const mention = mentionUnderCursor(t.document, params.position, analysis);
      if (!mention || analysis.kind !== 'linted') return null;
      const forge = documentForge(analysis.result.doc, t.roster);
      return renameHandle(mention.handle, params.newName, workspace, t.roster, forge, {
        lang: context.lang(),
        documentChanges: context.documentChanges(),
      });
    }),
  );

  connection.onReferences((params) =>
    guarded('references', [], async () => {
      const t = target(params.textDocument.uri);
      if (!t) return [];
      const mention = mentionUnderCursor(t.document, params.position, await analyzer.analyze(t.document));
      if (!mention) return [];
      return handleReferences(mention.handle, workspace, t.roster, params.context.includeDeclaration);
    }),
  );

  return {
    checked: prepareCompletion,
    minutesChanged: () => {
      for (const document of documents.all()) prepareCompletion(document.uri);
    },
  };
}
