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
import {
  COMPLETION_TRIGGERS,
  completions,
  MAX_ITEMS,
  mentionBeingTyped,
  mentionCompletions,
  resolveCompletion,
  type PersonData,
} from './completion';
import type { ConfigStore } from '../config/store';
import { hover } from './hover';
import { handleReferences, mentionUnderCursor, prepareRename, renameHandle, type HandleWorkspace } from './rename';
import { RosterProblemsPublisher } from './rosters';
import { pathToUri, uriToPath } from '../uri';
import { runInSlices } from '../nextTurn';
import { CONFIG_FILE, type ResolvedConfig } from '../../core';
import { joinPath } from '../../core/config/load';

/** How long the background preparation of rosters runs before the server answers what is waiting. */
const PREPARE_SLICE_MS = 4;

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
  /**
   * Rosters are prepared in the background (not in a browser, where files are fetched for a
   * check): a completion then answers from what is read rather than build a large roster.
   */
  preparesInBackground: boolean;
}

export interface HandleFeatures {
  /** A document's check was published: its roster gets ready for completion when the server is idle. */
  checked(uri: string): void;
  /** Minutes files changed on disk (the usage index moved): the open documents' rosters get ready again. */
  minutesChanged(): void;
  /**
   * The workspace opened, or its roster files or configuration changed: each folder's roster
   * gets ready in the background, so that the first `@` typed finds it read and indexed.
   */
  prepareWorkspace(): void;
  /**
   * Resolves once the roster of a workspace file is built (merged and ranked) by the background
   * steps, which it queues if needed: a check waits for it rather than build the roster in one
   * go, so that requests are answered meanwhile. Resolves at once when it is built, and at the
   * latest when the background steps run out (the check then builds what is left itself).
   */
  rosterReady(path: string): Promise<void>;
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

  // Rosters get ready in the background (read, merged, indexed for completion), a slice at a
  // time: each workspace folder's when the workspace opens and when a roster file or the
  // configuration changes, a document's own after its check. A completion that comes first does
  // only what is left (what the steps read is kept).
  const toPrepare = new Map<string, () => { config: ResolvedConfig; root: string | undefined } | undefined>();
  /** Checks waiting for their roster (`rosterReady`). */
  let waiting: Array<{ config: ResolvedConfig; root: string | undefined; resolve: () => void }> = [];
  const settleWaiting = (all = false) => {
    if (!waiting.length) return;
    const still = waiting.filter((w) => !all && !rosters.isReady(w.config, w.root));
    for (const w of waiting) if (!still.includes(w)) w.resolve();
    waiting = still;
  };
  let preparing = false;
  const prepareQueued = async () => {
    if (preparing) return;
    preparing = true;
    try {
      for (let next = toPrepare.entries().next(); !next.done; next = toPrepare.entries().next()) {
        const [key, targetOf] = next.value;
        toPrepare.delete(key);
        rosters.syncConfigGeneration(context.configs.generation);
        const prepared = targetOf();
        if (!prepared) continue;
        const generation = rosters.generation;
        const changed = () => rosters.generation !== generation;
        const stopped = () => {
          settleWaiting();
          return changed();
        };
        await runInSlices(rosters.preparing(prepared.config, prepared.root), PREPARE_SLICE_MS, stopped);
        settleWaiting();
        // A roster file, the minutes or the configuration changed meanwhile: again, with the change.
        if (changed()) toPrepare.set(key, targetOf);
      }
    } catch (error) {
      context.log(`preparing rosters failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      toPrepare.clear();
    } finally {
      preparing = false;
      settleWaiting(true);
    }
  };
  const prepareDocument = (uri: string) => {
    toPrepare.set(uri, () => {
      const { path, onDisk } = uriToPath(uri);
      if (!onDisk || !documents.get(uri) || context.isConfigDocument(uri)) return undefined;
      return { config: context.configs.resolve(path), root: context.configs.rootFor(path) };
    });
    void prepareQueued();
  };
  const prepareWorkspace = () => {
    if (!context.enabled()) return;
    for (const root of context.configs.workspaceRoots()) {
      // The configuration a document directly in the folder gets: usually everyone's.
      toPrepare.set(`folder:${root}`, () => ({ config: context.configs.resolve(joinPath(root, CONFIG_FILE)), root }));
    }
    void prepareQueued();
  };

  const rosterReady = (path: string): Promise<void> => {
    rosters.syncConfigGeneration(context.configs.generation);
    const config = context.configs.resolve(path);
    const root = context.configs.rootFor(path);
    if (!context.enabled() || rosters.isReady(config, root)) return Promise.resolve();
    return new Promise((resolve) => {
      waiting.push({ config, root, resolve });
      toPrepare.set(`check:${path}`, () => ({ config: context.configs.resolve(path), root: context.configs.rootFor(path) }));
      void prepareQueued();
    });
  };

  /**
   * A login typed after `@`, where rosters are prepared in the background: the roster's answer
   * when it is ready (or quick to finish); else one from the roster files read so far, which
   * costs no building, and the background steps queued for this document: the list is
   * incomplete, so the editor asks again at the next keystroke and gets the ranked answer once
   * the roster is built.
   */
  const completeMention = (document: TextDocument, position: Position) => {
    const typed = mentionBeingTyped(document, position);
    const { path, onDisk } = uriToPath(document.uri);
    if (!typed || !onDisk) return undefined;
    rosters.syncConfigGeneration(context.configs.generation);
    const soon = rosters.completeSoon(context.configs.resolve(path), context.configs.rootFor(path), typed.query, MAX_ITEMS);
    if (soon.partial) prepareDocument(document.uri);
    else if (!soon.roster) return null;
    return mentionCompletions(document, position, typed, soon.candidates, soon.roster, context.lang());
  };

  connection.onCompletion((params) =>
    guarded('completion', null, async () => {
      const document = documents.get(params.textDocument.uri);
      if (context.preparesInBackground && document && !context.isConfigDocument(document.uri)) {
        const mention = completeMention(document, params.position);
        if (mention !== undefined) return mention;
      }
      const t = target(params.textDocument.uri);
      if (!t) return null;
      return completions(t.document, params.position, t.roster, () => analyzer.analyze(t.document), context.lang());
    }),
  );

  /** A document's roster for an item's documentation: not built on the spot where the background steps build it. */
  const builtRoster = (uri: string) => {
    const { path, onDisk } = uriToPath(uri);
    if (!context.preparesInBackground || !onDisk) return target(uri)?.roster;
    rosters.syncConfigGeneration(context.configs.generation);
    return rosters.isReady(context.configs.resolve(path), context.configs.rootFor(path)) ? target(uri)?.roster : undefined;
  };

  connection.onCompletionResolve((item) =>
    guarded('completion resolve', item, async () => {
      const uri = (item.data as Partial<PersonData> | undefined)?.uri;
      return resolveCompletion(item, typeof uri === 'string' ? builtRoster(uri) : undefined, context.lang());
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
    checked: prepareDocument,
    minutesChanged: () => {
      for (const document of documents.all()) prepareDocument(document.uri);
    },
    prepareWorkspace,
    rosterReady,
  };
}
