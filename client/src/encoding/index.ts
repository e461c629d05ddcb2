/** The byte-level checks: diagnostics and a notification (byteChecks.ts), and their quick fixes (quickFixes.ts). */
import * as vscode from 'vscode';
import { userLang } from '../messages';
import { ByteChecks } from './byteChecks';
import { ByteQuickFixes, registerByteCommands } from './quickFixes';

export function registerByteChecks(context: vscode.ExtensionContext): void {
  const checks = new ByteChecks(userLang);
  const selector: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }];
  context.subscriptions.push(
    checks,
    vscode.languages.registerCodeActionsProvider(selector, new ByteQuickFixes(checks, userLang), ByteQuickFixes.metadata),
    ...registerByteCommands(userLang),
  );
}
