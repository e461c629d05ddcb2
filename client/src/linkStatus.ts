/**
 * Online PR/issue look-ups run here, in the extension: it holds the GitHub session (asked
 * silently; `communityMinutes.signInGitHub` asks interactively) and keeps the answers (a file
 * in its global storage on Node, its global state in a browser, where `fetch` goes to the
 * forge's API directly). The language server asks with `minutes/linkStatus` when online checks
 * are on (a user setting) and the workspace is trusted; in an untrusted workspace this side
 * refuses as well.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { format, type LinkStatus, type Message } from '../../server/src/core';
import { LINK_STATUS_METHOD, LINK_STATUS_RESET_METHOD, type LinkStatusParams, type LinkStatusResult } from '../../server/src/protocol';
import { type CacheStore, LinkCache, OnlineLinkStatus } from '../../server/src/online';
import { SETTINGS_SECTION, userLinkSettings, workspaceLinkSettings } from './languageClient';
import { userLang } from './messages';

const SAVE_DELAY_MS = 2000;

const messages = {
  signedIn: {
    en: 'Signed in to GitHub as {account}: PR and issue links are checked with your account.',
    zh: '已以 {account} 身份登录 GitHub：将使用你的账号检查 PR 和 issue 链接。',
  },
  signInFailed: { en: 'GitHub sign-in did not complete: {reason}', zh: 'GitHub 登录未完成：{reason}' },
  enableOnline: { en: 'Online link checks are off. Turn them on?', zh: '联网链接检查未开启。是否开启？' },
  turnOn: { en: 'Turn On', zh: '开启' },
  workspaceIgnored: {
    en: "This workspace's settings set {keys}. Online link checks follow your user settings only (a repository must not turn the network on): the workspace values are ignored.",
    zh: '此工作区的设置中有 {keys}。联网检查链接只听从你的用户设置（仓库不能开启联网），工作区中的值会被忽略。',
  },
} satisfies Record<string, Message>;

const say = (id: keyof typeof messages, data?: Record<string, string>) => format(messages[id], userLang(), data);

/** The token of VS Code's built-in GitHub session, asked for silently and remembered until sessions change. */
class GitHubToken {
  private token: Promise<string | undefined> | undefined;

  get(): Promise<string | undefined> {
    this.token ??= Promise.resolve(vscode.authentication.getSession('github', [], { silent: true })).then(
      (session) => session?.accessToken,
      () => undefined,
    );
    return this.token;
  }

  async signIn(): Promise<string> {
    const session = await vscode.authentication.getSession('github', [], { createIfNone: true });
    this.token = Promise.resolve(session.accessToken);
    return session.account.label;
  }

  forget(): void {
    this.token = undefined;
  }
}

/** Once per window: a workspace that sets the network settings learns that they are ignored. */
function noteIgnoredWorkspaceSettings(): void {
  const keys = workspaceLinkSettings();
  if (keys.length)
    void vscode.window.showInformationMessage(say('workspaceIgnored', { keys: keys.map((k) => `${SETTINGS_SECTION}.${k}`).join(', ') }));
}

export function registerLinkLookups(context: vscode.ExtensionContext, client: LanguageClient, store: CacheStore): void {
  noteIgnoredWorkspaceSettings();
  const github = new GitHubToken();
  const service = new OnlineLinkStatus({ cache: LinkCache.open(store), token: () => github.get() });
  let saving: ReturnType<typeof setTimeout> | undefined;
  const saveSoon = () => {
    saving ??= setTimeout(() => {
      saving = undefined;
      service.save();
    }, SAVE_DELAY_MS);
  };
  const reset = () => {
    service.tokenChanged();
    client.sendNotification(LINK_STATUS_RESET_METHOD).catch(() => undefined);
  };

  context.subscriptions.push(
    client.onRequest(LINK_STATUS_METHOD, async (params: LinkStatusParams): Promise<LinkStatusResult> => {
      const lookups = Array.isArray(params?.lookups) ? params.lookups : [];
      // Restricted Mode: the repository's configuration must not make VS Code send requests.
      if (!vscode.workspace.isTrusted) return { statuses: lookups.map((): LinkStatus => ({ state: 'unverified', reason: 'untrusted' })) };
      const statuses = await Promise.all(lookups.map((l) => service.lookup(l.target, l.api)));
      saveSoon();
      return { statuses };
    }),
    vscode.commands.registerCommand('communityMinutes.signInGitHub', async () => {
      try {
        const account = await github.signIn();
        void vscode.window.showInformationMessage(say('signedIn', { account }));
        reset();
      } catch (error) {
        void vscode.window.showWarningMessage(say('signInFailed', { reason: error instanceof Error ? error.message : String(error) }));
        return;
      }
      const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION);
      if (!userLinkSettings().online) {
        const turnOn = say('turnOn');
        if ((await vscode.window.showInformationMessage(say('enableOnline'), turnOn)) === turnOn) {
          await settings.update('links.online', true, vscode.ConfigurationTarget.Global);
        }
      }
    }),
    vscode.authentication.onDidChangeSessions((event) => {
      if (event.provider.id !== 'github') return;
      github.forget();
      reset();
    }),
    {
      dispose: () => {
        if (saving) clearTimeout(saving);
        service.save();
      },
    },
  );
}
