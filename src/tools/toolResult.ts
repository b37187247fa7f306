import * as vscode from 'vscode';
import { isVogentError } from '../vogent/errors';
import type { VogentWorkspace, VogentWorkspaces } from '../workspaces/vogentWorkspaces';

/** A tool's answer: text a model reads, and optionally the same records as JSON. */
export function answer(text: string, records?: unknown): vscode.LanguageModelToolResult {
  const parts: (vscode.LanguageModelTextPart | vscode.LanguageModelDataPart)[] = [new vscode.LanguageModelTextPart(text)];
  if (records !== undefined) parts.push(vscode.LanguageModelDataPart.json(records));
  return new vscode.LanguageModelToolResult(parts);
}

/** Why the tool cannot ask Vogent now (in `only`, or in any workspace), and what fixes it; undefined when it can. */
export function unusable(workspaces: VogentWorkspaces, only?: VogentWorkspace): string | undefined {
  const candidates = only ? [only] : workspaces.all;
  if (candidates.some((w) => w.connection.status === 'ready')) return undefined;
  if (candidates.length > 1) return 'No Vogent workspace has a usable API key in VS Code. Ask the user to run "Vogent: Set API Key…" and try again.';
  const of = workspaces.all.length > 1 ? ` of the Vogent workspace ${candidates[0].name}` : '';
  if (candidates[0].connection.status === 'rejected') return `Vogent rejected the API key${of} set in VS Code. Ask the user to run "Vogent: Set API Key…" to replace it, then try again.`;
  return `No Vogent API key${of} is set in VS Code. Ask the user to run "Vogent: Set API Key…" and try again.`;
}

/** A failure as one sentence (VogentError messages are free of the key), never a thrown error. */
export function failure(what: string, error: unknown, workspaces: VogentWorkspaces, workspace: VogentWorkspace): string {
  if (isVogentError(error, 'cancelled')) return `${what} was cancelled.`;
  return unusable(workspaces, workspace) ?? `${what} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** An AbortSignal that follows a cancellation token, for as long as the tool runs. */
export function signalOf(token: vscode.CancellationToken): AbortSignal & vscode.Disposable {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return Object.assign(controller.signal, { dispose: () => listener.dispose() });
}
