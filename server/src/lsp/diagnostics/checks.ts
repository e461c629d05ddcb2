import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { localized } from '../../core/i18n/lang';
import { TEMPLATE_INFO_METHOD, type TemplateInfo } from '../../protocol';
import type { ClientSession } from '../session';
import { isCancelled, type Analysis, type Analyzer } from './analysis';
import { LintScheduler, TYPING_DELAY_MS, typingDelay } from './scheduler';

export interface CheckHooks {
  isConfigDocument(uri: string): boolean;
  /** A `.minutesrc.json` was opened, edited or saved in the editor. */
  configDocumentChanged(uri: string, event: 'open' | 'edit' | 'close'): void;
  /** After each publication of a document's check: configuration problems may have appeared with it. */
  published(uri: string): void;
  /** Resolves when the first settings are known (an editor may give them only when asked). */
  settingsReady(): Promise<void>;
  uriForPath(path: string): string;
}

/**
 * Checks open documents when they open, change and are saved, and publishes their diagnostics
 * and template status; a check that an edit overtook publishes nothing.
 */
export class DocumentChecks {
  private readonly scheduler = new LintScheduler((uri, run) => this.run(uri, run));
  private readonly justOpened = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly session: ClientSession,
    private readonly hooks: CheckHooks,
  ) {}

  listen(): void {
    const { documents, hooks } = this;
    documents.onDidOpen(({ document }) => {
      this.justOpened.add(document.uri);
      if (hooks.isConfigDocument(document.uri)) hooks.configDocumentChanged(document.uri, 'open');
      this.scheduler.schedule(document.uri, 0);
    });
    documents.onDidChangeContent(({ document }) => {
      if (this.justOpened.delete(document.uri)) return; // the open already scheduled an immediate run
      if (hooks.isConfigDocument(document.uri)) this.scheduler.schedule(document.uri, TYPING_DELAY_MS);
      else if (this.session.settings.run === 'onType') this.scheduler.schedule(document.uri, typingDelay(document.getText().length));
    });
    documents.onDidSave(({ document }) => this.scheduler.schedule(document.uri, 0));
    documents.onDidClose(({ document }) => {
      this.justOpened.delete(document.uri);
      this.scheduler.cancel(document.uri);
      this.analyzer.forget(document.uri);
      if (hooks.isConfigDocument(document.uri)) hooks.configDocumentChanged(document.uri, 'close');
      else void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
  }

  /** Checks every open minutes file again (settings, configuration or series changed). */
  recheckAll(): void {
    for (const document of this.documents.all()) if (!this.hooks.isConfigDocument(document.uri)) this.scheduler.schedule(document.uri, 0);
  }

  private async run(uri: string, run: number): Promise<void> {
    try {
      await this.hooks.settingsReady();
      const document = this.documents.get(uri);
      if (!document) return;
      if (this.hooks.isConfigDocument(uri)) {
        this.hooks.configDocumentChanged(uri, 'edit');
        return;
      }
      const analysis = await this.analyzer.analyze(document);
      if (!this.scheduler.isCurrent(uri, run) || this.documents.get(uri)?.version !== analysis.version) return; // outdated
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
      await this.connection.sendNotification(TEMPLATE_INFO_METHOD, this.templateInfo(analysis));
      this.hooks.published(uri);
    } catch (error) {
      if (isCancelled(error)) return; // a newer check of this document is on its way
      this.connection.console.error(`checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  private templateInfo(analysis: Analysis): TemplateInfo {
    const lang = this.session.lang();
    const template = analysis.kind === 'linted' ? analysis.template : undefined;
    return {
      uri: analysis.uri,
      template: template?.resolvedId ?? null,
      name: template ? localized(template.name, lang) : undefined,
      reason: analysis.reason,
      linted: analysis.kind === 'linted',
      confidence: template?.confidence,
      explanation: template?.explanation ? template.explanation[lang] || template.explanation.en : undefined,
      configPath: analysis.config?.path,
      configUri: analysis.config?.path ? this.hooks.uriForPath(analysis.config.path) : undefined,
    };
  }
}
