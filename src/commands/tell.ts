import * as vscode from 'vscode';

/**
 * A short confirmation: a status-bar flash for everyone, and, when VS Code is in screen reader
 * optimized mode, a notification too, since screen readers announce notifications but not the status bar.
 */
export function tell(message: string, icon: string): void {
  vscode.window.setStatusBarMessage(`$(${icon}) ${message}`, 3000);
  if (vscode.workspace.getConfiguration('editor').get('accessibilitySupport') === 'on') void vscode.window.showInformationMessage(message);
}
