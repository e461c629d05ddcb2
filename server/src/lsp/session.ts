import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import type { Lang } from '../core';
import type { UserNetwork } from '../core/config/network';
import type { AnalysisOptions } from './diagnostics/analysis';
import { FIX_ALL_KIND } from './diagnostics/codeActions';
import { defaultSettings, effectiveLang, readSettings } from './config/settings';
import { HANDLE_CAPABILITIES } from './handles/features';
import { LINK_CAPABILITIES } from './links/features';
import type { ClientSettings } from '../protocol';

/** What the client can do, from its capabilities at initialize. */
export interface ClientSupport {
  configurationPull: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  relativePatterns: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
}

/** Who answers online look-ups: the client when it said so at start, else this process. */
export interface LinkSource {
  viaClient: boolean;
  cachePath?: string;
}

/**
 * What the client said about itself and its user: capabilities, settings, locale, trust. Every
 * feature reads it; only initialize and configuration changes write it.
 */
export class ClientSession {
  settings: ClientSettings = defaultSettings;
  /** False in an untrusted workspace: no network, no workspace code. */
  trusted = true;
  support: ClientSupport = {
    configurationPull: false,
    configurationRegistration: false,
    watchedFilesRegistration: false,
    relativePatterns: false,
    workspaceFolders: false,
    documentChanges: false,
  };
  linkSource: LinkSource = { viaClient: false };
  private locale: string | undefined;

  initialize(params: InitializeParams): void {
    const caps = params.capabilities;
    this.support = {
      configurationPull: caps.workspace?.configuration === true,
      configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relativePatterns: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
      workspaceFolders: caps.workspace?.workspaceFolders === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    };
    const options = (params.initializationOptions ?? {}) as Record<string, unknown>;
    this.locale = typeof options.locale === 'string' ? options.locale : params.locale;
    this.settings = readSettings(options, defaultSettings);
    this.trusted = options.trusted !== false;
    this.linkSource = {
      viaClient: options.linkLookups === 'client',
      cachePath: typeof options.linkCache === 'string' ? options.linkCache : undefined,
    };
  }

  lang(): Lang {
    return effectiveLang(this.settings, this.locale);
  }

  /** The network the user (never the workspace) allowed. */
  network(): UserNetwork {
    return { online: this.settings.links.online, confirmedApi: this.settings.links.api };
  }

  analysisOptions(): AnalysisOptions {
    return {
      enabled: this.settings.enable,
      lang: this.lang(),
      trusted: this.trusted,
      linksOnline: this.settings.links.online,
      confirmedApi: this.settings.links.api,
    };
  }
}

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  documentSymbolProvider: { label: 'Minutes' },
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  ...HANDLE_CAPABILITIES,
  ...LINK_CAPABILITIES,
};
