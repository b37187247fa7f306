import * as vscode from 'vscode';
import { isVogentError } from '../vogent/errors';

/** A line of text in the tree: an error, a warning, or an action such as Retry or Show Logs. */
export class MessageItem extends vscode.TreeItem {
  constructor(id: string, label: string, icon: string, command?: vscode.Command, tooltip?: string) {
    super(label, vscode.TreeItemCollapsibleState.None);
    this.id = id;
    const color = icon === 'error' ? 'errorForeground' : icon === 'warning' ? 'list.warningForeground' : undefined;
    this.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    this.command = command;
    if (tooltip) this.tooltip = tooltip;
    this.contextValue = 'message';
  }
}

export const SHOW_LOGS: vscode.Command = { command: 'vogent.showLogs', title: 'Show Logs' };

/** The error and what the user can do about it: retry, or fix the setting that caused it. */
export function errorItems(scope: string, error: Error, retry: vscode.Command): MessageItem[] {
  const fix: vscode.Command =
    isVogentError(error, 'insecure-base-url')
      ? { command: 'workbench.action.openSettings', title: 'Open Settings', arguments: ['vogent.apiBaseUrl'] }
      : retry;
  return [
    new MessageItem(`${scope}:error`, error.message, 'error', undefined, error.message),
    new MessageItem(`${scope}:retry`, fix.title, fix === retry ? 'refresh' : 'settings-gear', fix),
    new MessageItem(`${scope}:logs`, 'Show Logs', 'output', SHOW_LOGS),
  ];
}
