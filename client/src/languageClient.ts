/**
 * How the extension talks to the language server, wherever it runs: which documents it sends,
 * which files it watches, what it tells the server at start. The server itself ships inside
 * the extension (dist/server.js on Node, dist/browser/server.js in a browser's Web Worker); no
 * setting may point it elsewhere, so an untrusted workspace cannot make VS Code run its code.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { ClientSettings } from '../../server/src/protocol';

export const SETTINGS_SECTION = 'communityMinutes';

export function readSettings(): ClientSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    language: config.get<ClientSettings['language']>('language', 'auto'),
    enable: config.get<boolean>('enable', true),
    run: config.get<ClientSettings['run']>('run', 'onType'),
    links: userLinkSettings(),
  };
}

/**
 * The network settings from the user's own settings only. The manifest already gives them
 * `application` scope (VS Code ignores workspace values); reading the global value makes sure,
 * whatever VS Code version or fork runs this: a workspace's `.vscode/settings.json` comes with
 * the repository, and a pull request must not be able to turn the network on.
 */
export function userLinkSettings(): ClientSettings['links'] {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const online = config.inspect<boolean>('links.online')?.globalValue;
  const api = config.inspect<Record<string, string>>('links.api')?.globalValue;
  return { online: online === true, ...(api && typeof api === 'object' ? { api } : {}) };
}

/** Network settings a workspace tried to set (and that are ignored), by name. */
export function workspaceLinkSettings(): string[] {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return ['links.online', 'links.api'].filter((key) => {
    const seen = config.inspect(key);
    return seen?.workspaceValue !== undefined || seen?.workspaceFolderValue !== undefined;
  });
}

/**
 * Minutes are Markdown or plain text (openEuler); `.minutesrc.json` is sent so the server can
 * report config problems in it. On Node, files on disk and new files; in a browser, files of
 * the workspace's own file system (`vscode-vfs` in github.dev), which the server reads through
 * the editor. Other schemes (git diffs, output) are not minutes to check.
 */
export function documentSelector(where: 'node' | 'browser'): LanguageClientOptions['documentSelector'] {
  const workspaceSchemes = where === 'node' ? ['file'] : [...new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme))];
  return [
    ...[...workspaceSchemes, 'untitled'].flatMap((scheme) => [
      { scheme, language: 'markdown' },
      { scheme, language: 'plaintext' },
    ]),
    ...workspaceSchemes.flatMap((scheme) => [
      { scheme, language: 'json', pattern: '**/.minutesrc.json' },
      { scheme, language: 'jsonc', pattern: '**/.minutesrc.json' },
    ]),
  ];
}

export function clientOptions(context: vscode.ExtensionContext, where: 'node' | 'browser'): LanguageClientOptions {
  // Config files can appear anywhere in the workspace. The files they name (team templates,
  // rosters) and setting changes are registered by the server itself, as it learns of them.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.minutesrc.json');
  context.subscriptions.push(configWatcher);
  return {
    documentSelector: documentSelector(where),
    synchronize: { fileEvents: configWatcher },
    // The server pulls its settings through here: the network ones are the user's, never the workspace's.
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return answers.map((answer: unknown, i) =>
            params.items[i]?.section === SETTINGS_SECTION && answer && typeof answer === 'object'
              ? { ...answer, links: userLinkSettings() }
              : answer,
          );
        },
      },
    },
    // A function, so a restart sends the current locale, settings and trust.
    initializationOptions: () => ({
      locale: vscode.env.language,
      settings: readSettings(),
      // In a restricted workspace the server keeps to offline checks (no requests to URLs the repository names).
      trusted: vscode.workspace.isTrusted,
      // Online link look-ups run here, with the GitHub session (linkStatus.ts): the server asks.
      linkLookups: 'client',
    }),
  };
}
