import {
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RosterStore } from '../core/roster/store';
import { ConfigDiagnosticsPublisher } from './config/diagnostics';
import { readSettings, SETTINGS_SECTION } from './config/settings';
import { ConfigStore, isConfigPath } from './config/store';
import { FileWatchers } from './config/watchers';
import { Analyzer, isCancelled, onlineChecks } from './diagnostics/analysis';
import { DocumentChecks } from './diagnostics/checks';
import { codeActions } from './diagnostics/codeActions';
import { registerRuleCatalog } from './diagnostics/ruleCatalog';
import { registerWorkspaceLint } from './diagnostics/workspaceLint';
import { registerRender } from './document/render';
import { registerSummary } from './document/summary';
import { documentSymbols } from './document/symbols';
import { registerHandleFeatures, rosterService } from './handles/features';
import { watchRosterFiles } from './handles/rosters';
import { registerFileNames } from './series/fileNames';
import { createLinkLookups, registerLinkFeatures } from './links/features';
import type { ServerPlatform } from './platform';
import type { ClientSettings } from '../protocol';
import { registerItems } from './series/items';
import { releaseClosedSeries } from './series/memory';
import { registerLearnTemplate, SeriesStore } from './series/store';
import { ClientSession, SERVER_CAPABILITIES } from './session';
import { pathToUri, setWorkspaceFolders, uriToPath } from './uri';

/** How long the first lint waits for the settings an editor gives only when asked. */
const SETTINGS_WAIT_MS = 2000;

/**
 * Wires the core to one LSP connection. The parts: the client's session (settings, trust,
 * capabilities), the stores (configurations, rosters, series), document checks, and the
 * features, each registered by its own folder.
 */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const session = new ClientSession();
  const lang = () => session.lang();
  const log = (message: string) => connection.console.error(message);
  const isConfigDocument = (uri: string) => {
    const { path, onDisk } = uriToPath(uri);
    return onDisk && isConfigPath(path);
  };
  /** The URI the editor uses for an open file (its spelling may differ from ours), else a file URI. */
  const uriForPath = (path: string) => documents.all().find((d) => uriToPath(d.uri).path === path)?.uri ?? pathToUri(path);
  const openText = (path: string) =>
    documents
      .all()
      .find((d) => uriToPath(d.uri).onDisk && uriToPath(d.uri).path === path)
      ?.getText();

  // The stores: configurations, rosters, online look-ups and the series of each workspace folder.
  const configs = new ConfigStore(openText, (root) => platform.configHost(root));
  const rosters = new RosterStore(
    platform.rosterHost(() => session.trusted, log),
    { scanMinutes: true },
  );
  const linkLookups = createLinkLookups(connection, {
    source: () => session.linkSource,
    trusted: () => session.trusted,
    log,
    own: (cachePath) => platform.ownLinkLookups(cachePath),
  });
  const series = platform.seriesFiles && new SeriesStore(platform.seriesFiles, log);
  const referenceText = (path: string) => {
    const root = configs.rootFor(path);
    return root ? platform.referenceText(root) : [];
  };
  const services = {
    ...platform.services,
    referenceText,
    roster: rosterService(rosters, configs),
    linkStatus: linkLookups,
    ...(series ? { series: (path: string) => series.view(path) } : {}),
  };
  // Before a check: in a browser, fetch what it reads; elsewhere, let the background steps build
  // the roster (requests are answered between them) rather than the check's rules at once.
  const beforeCheck = platform.prefetch ? prefetchFor : (path: string) => handles.rosterReady(path);
  const analyzer = new Analyzer(configs, () => session.analysisOptions(), log, services, beforeCheck);

  // Editors other than VS Code give settings only when asked (workspace/configuration): the first
  // check waits for that answer, so a file never shows diagnostics its user turned off or asked in another language.
  let settingsPulled: Promise<void> = Promise.resolve();
  let watchers: FileWatchers | undefined;
  const configProblems = new ConfigDiagnosticsPublisher(connection, configs, uriForPath);
  const checks = new DocumentChecks(connection, documents, analyzer, session, {
    isConfigDocument,
    configDocumentChanged: (uri, event) => (event === 'open' ? configs.remember(uriToPath(uri).path) : reloadConfiguration()),
    published: (uri) => {
      publishConfigDiagnostics();
      handles.checked(uri);
    },
    settingsReady: () => settingsPulled,
    uriForPath,
  });
  checks.listen();
  releaseClosedSeries(documents, { compact: platform.compactHeap, log: (message) => connection.console.log(message) });
  /** Everything checked again: what a check reads has changed (settings, series, look-ups). */
  const recheckAll = () => {
    analyzer.settingsGeneration++;
    checks.recheckAll();
  };
  if (series) {
    series.openText = openText;
    series.onDidChange = recheckAll;
  }

  /**
   * Where reading a file takes a round trip (a browser): before a check, its folders'
   * configuration, then the files that configuration names and the roster files it would look
   * for. What arrives makes the cached configurations stale.
   */
  async function prefetchFor(path: string): Promise<void> {
    if (await platform.prefetch!(configs.candidateFiles(path))) configs.invalidate();
    const config = configs.resolve(path);
    if (await platform.prefetch!([...configs.referencedFiles(), ...rosters.sourceFiles(config, configs.rootFor(path))]))
      configs.invalidate();
  }

  function publishConfigDiagnostics(force = false): void {
    watchers?.update(configs.referencedFiles());
    configProblems.publish({ enabled: session.settings.enable, lang: lang(), force });
  }

  /**
   * Each workspace folder's roster, read and indexed in the background before anyone asks. Not
   * where reading a file takes a round trip (a browser): there a check fetches what it needs.
   */
  function prepareRosters(): void {
    if (!platform.prefetch) handles.prepareWorkspace();
  }

  function reloadConfiguration(): void {
    configs.invalidate();
    publishConfigDiagnostics();
    checks.recheckAll();
  }

  /** The workspace folders; an editor that names none may give a root path instead. */
  function setRoots(folderUris: string[], rootPath?: string): void {
    setWorkspaceFolders(folderUris, platform.workspaceFiles);
    const roots = folderUris
      .map((uri) => uriToPath(uri))
      .filter((f) => f.onDisk)
      .map((f) => f.path);
    if (!roots.length && rootPath && platform.workspaceFiles === 'file-uris') roots.push(rootPath.replace(/\\/g, '/'));
    configs.setRoots(roots);
    series?.setRoots(roots);
  }

  async function pullSettings(): Promise<void> {
    if (!session.support.configurationPull) return;
    try {
      const pulled: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      applySettings(readSettings(pulled, session.settings));
    } catch (error) {
      log(`reading settings failed: ${String(error)}`);
    }
  }

  function applySettings(next: ClientSettings): void {
    if (JSON.stringify(next) === JSON.stringify(session.settings)) return;
    session.settings = next;
    configs.network = session.network();
    analyzer.settingsGeneration++;
    publishConfigDiagnostics(true);
    checks.recheckAll();
  }

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
    configs.network = session.network();
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    setRoots(folderUris, params.rootPath ?? undefined);
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'community-minutes' } };
  });

  connection.onInitialized(() => {
    const { support } = session;
    if (support.watchedFilesRegistration) {
      watchRosterFiles(connection);
      watchers = new FileWatchers(connection, support.relativePatterns);
      watchers.update(configs.referencedFiles());
    }
    if (support.configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        setRoots(folders.map((f) => f.uri));
        reloadConfiguration();
        prepareRosters();
      });
    }
    prepareRosters();
    // A client that never answers must not stop the checking: after a moment, the defaults.
    settingsPulled = Promise.race([pullSettings(), new Promise<void>((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]);
  });

  connection.onDidChangeConfiguration((params) => {
    // A client that answers pulls is asked: the VS Code client answers them with the network
    // settings from user scope only, which a pushed payload does not promise.
    const pushed = (params.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined && !session.support.configurationPull) applySettings(readSettings(pushed, session.settings));
    else void pullSettings();
  });

  // Files a check wanted and the platform fetched since (a browser): as if they had just been saved.
  platform.onDidLearn?.((paths) => {
    for (const path of paths) {
      rosters.fileChanged(path);
      if (isConfigPath(path)) configs.remember(path);
    }
    reloadConfiguration();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let reload = false;
    let minutes = false;
    for (const change of params.changes) {
      const { path, onDisk } = uriToPath(change.uri);
      if (onDisk) {
        platform.fileChanged(path);
        series?.fileChanged(path, change.type === FileChangeType.Deleted);
      }
      // A saved minutes file only updates the roster's usage index: no need to reload everything.
      if (onDisk && rosters.fileChanged(path, change.type === FileChangeType.Deleted) === 'minutes' && !isConfigPath(path)) {
        minutes = true;
        continue;
      }
      reload = true;
      if (!onDisk || !isConfigPath(path)) continue;
      if (change.type === FileChangeType.Deleted) configs.forget(path);
      else configs.remember(path);
    }
    // Template and roster files a config names may change too (if the client watches them): any event reloads.
    if (reload) {
      reloadConfiguration();
      prepareRosters();
    } else if (minutes) handles.minutesChanged();
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || isConfigDocument(document.uri)) return [];
    try {
      const analysis = await analyzer.analyze(document);
      return codeActions(params, document, analysis, { lang: lang(), documentChanges: session.support.documentChanges });
    } catch (error) {
      if (!isCancelled(error)) log(`code actions failed: ${String(error)}`);
      return [];
    }
  });

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || isConfigDocument(document.uri)) return [];
    try {
      const analysis = await analyzer.analyze(document);
      return analysis.kind === 'linted' ? documentSymbols(analysis.result.doc, analysis.template) : [];
    } catch (error) {
      if (!isCancelled(error)) log(`document symbols failed: ${String(error)}`);
      return [];
    }
  });

  // The preview's page and summary, the workspace check, the rule picker and new minutes' names of the VS Code client.
  registerRender(connection, { documents, lang, log });
  registerSummary(connection, { documents, analyzer, lang, log, roster: rosterService(rosters, configs), linkStatus: linkLookups });
  registerFileNames(connection);
  registerWorkspaceLint(connection, { documents, analyzer, log, readFile: (path, maxBytes) => platform.readFileAsync(path, maxBytes) });
  registerRuleCatalog(connection, lang);
  registerLearnTemplate(connection, { lang, rootFor: (path) => configs.rootFor(path), log, files: platform.seriesFiles });
  const linkHover = registerLinkFeatures(connection, {
    documents,
    analyzer,
    lookups: linkLookups,
    lang,
    log,
    isConfigDocument,
    online: () => onlineChecks(session.analysisOptions()),
    trusted: () => session.trusted,
    recheck: recheckAll,
  });
  const items = registerItems(connection, { documents, analyzer, configs, series, lang, log });
  const handles = registerHandleFeatures(connection, {
    documents,
    analyzer,
    rosters,
    configs,
    lang,
    log,
    isConfigDocument,
    linkHover,
    readFile: (path) => platform.readFile(path),
    itemHover: items.hover,
    enabled: () => session.settings.enable,
    documentChanges: () => session.support.documentChanges,
    preparesInBackground: !platform.prefetch,
  });

  documents.listen(connection);
}
