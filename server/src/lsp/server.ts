import {
  DidChangeConfigurationNotification, FileChangeType, TextDocuments, TextDocumentSyncKind,
  CodeActionKind, type Connection, type InitializeParams, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../core';
import { localized } from '../core/i18n/lang';
import { Analyzer, onlineChecks, type Analysis, type AnalysisOptions } from './analysis';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { ConfigDiagnosticsPublisher } from './configDiagnostics';
import { ConfigStore, isConfigPath } from './configStore';
import { TEMPLATE_INFO_METHOD, type ClientSettings, type TemplateInfo } from './protocol';
import { LintScheduler, TYPING_DELAY_MS, typingDelay } from './scheduler';
import { defaultSettings, effectiveLang, readSettings, SETTINGS_SECTION } from './settings';
import { documentSymbols } from './symbols';
import { registerRuleCatalog } from './ruleCatalog';
import { registerSummary } from './summary';
import { registerLearnTemplate, SeriesStore } from './series';
import { registerWorkspaceLint } from './workspaceLint';
import { RosterStore } from '../core/roster/store';
import type { ServerPlatform } from './platform';
import { pathToUri, setWorkspaceFolders, uriToPath } from './uri';
import { FileWatchers } from './watchers';
import { HANDLE_CAPABILITIES, registerHandleFeatures, rosterService } from './handles';
import { watchRosterFiles } from './rosters';
import { registerItems } from './items';
import { createLinkLookups, LINK_CAPABILITIES, registerLinkFeatures } from './links';

/** How long the first lint waits for the settings an editor gives only when asked. */
const SETTINGS_WAIT_MS = 2000;

interface ClientSupport {
  configurationPull: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  relativePatterns: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
}

/** Wires the core to one LSP connection: documents in, diagnostics/actions/symbols out. */
export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ClientSettings = defaultSettings;
  let clientLocale: string | undefined;
  let trusted = true;
  let support: ClientSupport = { configurationPull: false, configurationRegistration: false, watchedFilesRegistration: false, relativePatterns: false, workspaceFolders: false, documentChanges: false };
  const lang = (): Lang => effectiveLang(settings, clientLocale);
  const log = (message: string) => connection.console.error(message);

  const openText = (path: string) => documents.all().find((d) => uriToPath(d.uri).onDisk && uriToPath(d.uri).path === path)?.getText();
  const configs = new ConfigStore(openText, (root) => platform.configHost(root));
  const rosters = new RosterStore(platform.rosterHost(() => trusted, log), { scanMinutes: true });
  const referenceText = (path: string) => {
    const root = configs.rootFor(path);
    return root ? platform.referenceText(root) : [];
  };
  // Online look-ups: answered by the client when it says so at start (initializationOptions), else by this process.
  let linkSource: { viaClient: boolean; cachePath?: string } = { viaClient: false };
  const linkLookups = createLinkLookups(connection, { source: () => linkSource, trusted: () => trusted, log, own: (cachePath) => platform.ownLinkLookups(cachePath) });
  const userNetwork = () => ({ online: settings.links.online, confirmedApi: settings.links.api });
  const analysisOptions = (): AnalysisOptions => ({ enabled: settings.enable, lang: lang(), trusted, linksOnline: settings.links.online, confirmedApi: settings.links.api });
  // The series of each workspace folder, read in the background; when it changes, the open minutes are checked again.
  const series = platform.seriesFiles && new SeriesStore(platform.seriesFiles, log);
  if (series) {
    series.openText = openText;
    series.onDidChange = () => {
      analyzer.settingsGeneration++;
      relintAll();
    };
  }
  const services = {
    ...platform.services, referenceText, roster: rosterService(rosters, configs), linkStatus: linkLookups,
    ...(series ? { series: (path: string) => series.view(path) } : {}),
  };
  const analyzer = new Analyzer(configs, analysisOptions, log, services, platform.prefetch && prefetchFor);
  const scheduler = new LintScheduler(runScheduled);
  const justOpened = new Set<string>();
  const configProblems = new ConfigDiagnosticsPublisher(connection, configs, uriForPath);
  let watchers: FileWatchers | undefined;
  // Editors other than VS Code give settings only when asked (workspace/configuration): the first
  // lint waits for that answer, so a file never shows diagnostics its user turned off or asked in another language.
  let settingsPulled: Promise<void> = Promise.resolve();

  const isConfigDocument = (uri: string) => {
    const { path, onDisk } = uriToPath(uri);
    return onDisk && isConfigPath(path);
  };

  async function runScheduled(uri: string, run: number): Promise<void> {
    try {
      await settingsPulled;
      const document = documents.get(uri);
      if (!document) return;
      if (isConfigDocument(uri)) {
        reloadConfiguration();
        return;
      }
      const analysis = await analyzer.analyze(document);
      if (!scheduler.isCurrent(uri, run) || documents.get(uri)?.version !== analysis.version) return; // outdated
      await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
      await connection.sendNotification(TEMPLATE_INFO_METHOD, templateInfo(analysis));
      publishConfigDiagnostics();
    } catch (error) {
      log(`checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  function templateInfo(analysis: Analysis): TemplateInfo {
    const template = analysis.kind === 'linted' ? analysis.template : undefined;
    return {
      uri: analysis.uri,
      template: template?.resolvedId ?? null,
      name: template ? localized(template.name, lang()) : undefined,
      reason: analysis.reason,
      linted: analysis.kind === 'linted',
      confidence: template?.confidence,
      explanation: template?.explanation ? template.explanation[lang()] || template.explanation.en : undefined,
      configPath: analysis.config?.path,
      configUri: analysis.config?.path ? uriForPath(analysis.config.path) : undefined,
    };
  }

  /**
   * Where reading a file takes a round trip (a browser): before a check, its folders'
   * configuration, then the files that configuration names and the roster files it would look
   * for. What arrives makes the cached configurations stale.
   */
  async function prefetchFor(path: string): Promise<void> {
    if (await platform.prefetch!(configs.candidateFiles(path))) configs.invalidate();
    const config = configs.resolve(path);
    if (await platform.prefetch!([...configs.referencedFiles(), ...rosters.sourceFiles(config, configs.rootFor(path))])) configs.invalidate();
  }

  function publishConfigDiagnostics(force = false): void {
    watchers?.update(configs.referencedFiles());
    configProblems.publish({ enabled: settings.enable, lang: lang(), force });
  }

  /** The URI the editor uses for an open file (its spelling may differ from ours), else a file URI. */
  function uriForPath(path: string): string {
    return documents.all().find((d) => uriToPath(d.uri).path === path)?.uri ?? pathToUri(path);
  }

  function reloadConfiguration(): void {
    configs.invalidate();
    publishConfigDiagnostics();
    relintAll();
  }

  function relintAll(): void {
    for (const document of documents.all()) if (!isConfigDocument(document.uri)) scheduler.schedule(document.uri, 0);
  }

  async function pullSettings(): Promise<void> {
    if (!support.configurationPull) return;
    try {
      const pulled: unknown = await connection.workspace.getConfiguration(SETTINGS_SECTION);
      applySettings(readSettings(pulled, settings));
    } catch (error) {
      log(`reading settings failed: ${String(error)}`);
    }
  }

  function applySettings(next: ClientSettings): void {
    if (JSON.stringify(next) === JSON.stringify(settings)) return;
    settings = next;
    configs.network = userNetwork();
    analyzer.settingsGeneration++;
    publishConfigDiagnostics(true);
    relintAll();
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    support = {
      configurationPull: caps.workspace?.configuration === true,
      configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relativePatterns: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
      workspaceFolders: caps.workspace?.workspaceFolders === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    };
    const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
    clientLocale = typeof options.locale === 'string' ? options.locale : params.locale;
    settings = readSettings(options, defaultSettings);
    configs.network = userNetwork();
    trusted = options.trusted !== false;
    linkSource = { viaClient: options.linkLookups === 'client', cachePath: typeof options.linkCache === 'string' ? options.linkCache : undefined };
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    setWorkspaceFolders(folderUris, platform.workspaceFiles);
    const roots = folderUris.map((uri) => uriToPath(uri)).filter((f) => f.onDisk).map((f) => f.path);
    if (!roots.length && params.rootPath && platform.workspaceFiles === 'file-uris') roots.push(params.rootPath.replace(/\\/g, '/'));
    configs.setRoots(roots);
    series?.setRoots(roots);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Minutes' },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...HANDLE_CAPABILITIES,
        ...LINK_CAPABILITIES,
      },
      serverInfo: { name: 'community-minutes' },
    };
  });

  connection.onInitialized(() => {
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
        setWorkspaceFolders(folders.map((f) => f.uri), platform.workspaceFiles);
        configs.setRoots(folders.map((f) => uriToPath(f.uri).path));
        series?.setRoots(folders.map((f) => uriToPath(f.uri).path));
        reloadConfiguration();
      });
    }
    // A client that never answers must not stop the linting: after a moment, the defaults.
    settingsPulled = Promise.race([pullSettings(), new Promise<void>((resolve) => setTimeout(resolve, SETTINGS_WAIT_MS))]);
  });

  connection.onDidChangeConfiguration((params) => {
    // A client that answers pulls is asked: the VS Code client answers them with the network
    // settings from user scope only, which a pushed payload does not promise.
    const pushed = (params.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined && !support.configurationPull) applySettings(readSettings(pushed, settings));
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
    for (const change of params.changes) {
      const { path, onDisk } = uriToPath(change.uri);
      if (onDisk) {
        platform.fileChanged(path);
        series?.fileChanged(path, change.type === FileChangeType.Deleted);
      }
      // A saved minutes file only updates the roster's usage index: no need to reload everything.
      if (onDisk && rosters.fileChanged(path, change.type === FileChangeType.Deleted) === 'minutes' && !isConfigPath(path)) continue;
      reload = true;
      if (!onDisk || !isConfigPath(path)) continue;
      if (change.type === FileChangeType.Deleted) configs.forget(path);
      else configs.remember(path);
    }
    // Template and roster files a config names may change too (if the client watches them): any event reloads.
    if (reload) reloadConfiguration();
  });

  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    if (isConfigDocument(document.uri)) configs.remember(uriToPath(document.uri).path);
    scheduler.schedule(document.uri, 0);
  });

  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return; // the open already scheduled an immediate run
    if (isConfigDocument(document.uri)) scheduler.schedule(document.uri, TYPING_DELAY_MS);
    else if (settings.run === 'onType') scheduler.schedule(document.uri, typingDelay(document.getText().length));
  });

  documents.onDidSave(({ document }) => {
    scheduler.schedule(document.uri, 0);
  });

  documents.onDidClose(({ document }) => {
    justOpened.delete(document.uri);
    scheduler.cancel(document.uri);
    analyzer.forget(document.uri);
    if (isConfigDocument(document.uri)) {
      reloadConfiguration(); // the file on disk applies again
    } else {
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || isConfigDocument(document.uri)) return [];
    try {
      const analysis = await analyzer.analyze(document);
      return codeActions(params, document, analysis, { lang: lang(), documentChanges: support.documentChanges });
    } catch (error) {
      log(`code actions failed: ${String(error)}`);
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
      log(`document symbols failed: ${String(error)}`);
      return [];
    }
  });

  // The preview's summary, the workspace check and the rule picker of the VS Code client.
  registerSummary(connection, { documents, analyzer, lang, log, roster: rosterService(rosters, configs), linkStatus: linkLookups });
  registerWorkspaceLint(connection, { documents, analyzer, log, readFile: (path, maxBytes) => platform.readFileAsync(path, maxBytes) });
  registerRuleCatalog(connection, lang);
  registerLearnTemplate(connection, { lang, rootFor: (path) => configs.rootFor(path), log, files: platform.seriesFiles });
  const linkHover = registerLinkFeatures(connection, {
    documents, analyzer, lookups: linkLookups, lang, log, isConfigDocument,
    online: () => onlineChecks(analysisOptions()),
    trusted: () => trusted,
    recheck: () => {
      analyzer.settingsGeneration++;
      relintAll();
    },
  });
  const items = registerItems(connection, { documents, analyzer, configs, series, lang, log });
  registerHandleFeatures(connection, {
    documents, analyzer, rosters, configs, lang, log, isConfigDocument, linkHover, readFile: (path) => platform.readFile(path),
    itemHover: items.hover,
    enabled: () => settings.enable,
    documentChanges: () => support.documentChanges,
  });

  documents.listen(connection);
}
