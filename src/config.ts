import * as vscode from 'vscode';
import { DEFAULT_MAX_PAGES } from './numbers/cursorTrail';

export const DEFAULT_API_BASE_URL = 'https://api.vogent.ai/api';
export const DEFAULT_AGENT_URL_TEMPLATE = 'https://app.vogent.ai/agents/{agentId}';

/**
 * Settings that steer where the key goes are `application`-scoped; reading only the user (global)
 * value as well means a workspace's .vscode/settings.json can never redirect requests.
 */
function userSetting<T>(name: string, fallback: T): T {
  const inspected = vscode.workspace.getConfiguration('vogent').inspect<T>(name);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

export function apiBaseUrl(): string {
  return userSetting('apiBaseUrl', DEFAULT_API_BASE_URL);
}

export function agentUrlTemplate(): string {
  return userSetting('agentUrlTemplate', DEFAULT_AGENT_URL_TEMPLATE);
}

export function pageSize(): number {
  const value = vscode.workspace.getConfiguration('vogent').get<number>('pageSize', 100);
  return Number.isInteger(value) && value >= 1 && value <= 500 ? value : 100;
}

/** Pages a listing may load before it stops: a server that keeps sending pages must not fill memory. */
export function maxPages(): number {
  const value = vscode.workspace.getConfiguration('vogent').get<number>('maxPages', DEFAULT_MAX_PAGES);
  return Number.isInteger(value) && value >= 1 ? value : DEFAULT_MAX_PAGES;
}

/** How long one request may wait for Vogent, in milliseconds. */
export function requestTimeoutMs(): number {
  const seconds = vscode.workspace.getConfiguration('vogent').get<number>('requestTimeoutSeconds', 15);
  return Number.isFinite(seconds) && seconds >= 1 && seconds <= 300 ? seconds * 1000 : 15_000;
}

/** Settings after which what is loaded no longer holds: another server, or other pages. The timeout is read per request. */
export function affectsListing(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('vogent.apiBaseUrl') || event.affectsConfiguration('vogent.pageSize');
}
