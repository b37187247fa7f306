import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { isVogentError } from '../vogent/errors';

/** A tool's answer: text a model reads, and optionally the same records as JSON. */
export function answer(text: string, records?: unknown): vscode.LanguageModelToolResult {
  const parts: (vscode.LanguageModelTextPart | vscode.LanguageModelDataPart)[] = [new vscode.LanguageModelTextPart(text)];
  if (records !== undefined) parts.push(vscode.LanguageModelDataPart.json(records));
  return new vscode.LanguageModelToolResult(parts);
}

/** Why the tool cannot ask Vogent now, and what fixes it; undefined when it can. */
export function unusable(connection: VogentConnection): string | undefined {
  if (connection.status === 'no-key') return 'No Vogent API key is set in VS Code. Ask the user to run "Vogent: Set API Key…" and try again.';
  if (connection.status === 'rejected') return 'Vogent rejected the API key set in VS Code. Ask the user to run "Vogent: Set API Key…" to replace it, then try again.';
  return undefined;
}

/** A failure as one sentence (VogentError messages are free of the key), never a thrown error. */
export function failure(what: string, error: unknown, connection: VogentConnection): string {
  if (isVogentError(error, 'cancelled')) return `${what} was cancelled.`;
  return unusable(connection) ?? `${what} failed: ${error instanceof Error ? error.message : String(error)}`;
}

/** An AbortSignal that follows a cancellation token. */
export function signalOf(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
