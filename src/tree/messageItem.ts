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
    // A screen reader would read the tooltip instead of the label: it gets both.
    if (tooltip) this.accessibilityInformation = { label: `${label}. ${tooltip}` };
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

/** What a workspace node holds instead of groups when the workspace cannot list numbers, with the way out. */
export function stateItems(workspaceId: string, status: 'no-key' | 'rejected' | 'ready'): MessageItem[] {
  const target = [{ workspaceId }];
  const scope = `${workspaceId}/state`;
  if (status === 'ready') {
    const refresh: vscode.Command = { command: 'vogent.refresh', title: 'Refresh', arguments: target };
    return [new MessageItem(`${scope}:empty`, 'No phone numbers yet: buy or connect one in the Vogent dashboard', 'info'), new MessageItem(`${scope}:refresh`, 'Refresh', 'refresh', refresh)];
  }
  const setKey: vscode.Command = { command: 'vogent.setApiKey', title: 'Set API Key…', arguments: target };
  if (status === 'no-key') return [new MessageItem(`${scope}:no-key`, 'No API key is set for this workspace', 'key'), new MessageItem(`${scope}:set`, 'Set API Key…', 'key', setKey)];
  const why = 'Vogent rejected the API key. It may have been revoked, or mistyped.';
  return [
    new MessageItem(`${scope}:rejected`, 'Vogent rejected this API key', 'error', undefined, why),
    new MessageItem(`${scope}:replace`, 'Replace API Key…', 'key', { ...setKey, title: 'Replace API Key…' }),
    new MessageItem(`${scope}:logs`, 'Show Logs', 'output', SHOW_LOGS),
  ];
}

/** What the rows of a group cannot say themselves: agent names that failed, records that could not be read. */
export function warningItems(scope: string, agentsError: Error | undefined, skipped: number, refresh: vscode.Command): MessageItem[] {
  const items: MessageItem[] = [];
  if (agentsError) {
    const why = `Agent names could not be loaded: ${agentsError.message}`;
    items.push(new MessageItem(`${scope}:agents`, why, 'warning', { ...refresh, title: 'Refresh' }, `${why}\nRefresh to try again.`));
  }
  if (skipped > 0) {
    const what = skipped === 1 ? '1 number could not be read' : `${skipped} numbers could not be read`;
    const tooltip = 'Vogent sent records that are not valid phone numbers; the log names each one.';
    items.push(new MessageItem(`${scope}:skipped`, `${what} — Show Logs`, 'warning', SHOW_LOGS, tooltip));
  }
  return items;
}
