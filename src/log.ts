import * as vscode from 'vscode';
import type { Exchange } from './vogent/client';

/** The "Vogent" output channel. Requests are logged as method, path, status and time: never headers or bodies. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Vogent', { log: true });
}

export function logExchange(log: vscode.LogOutputChannel, exchange: Exchange, of: (line: string) => string = (line) => line): void {
  const outcome = exchange.status === undefined ? `failed (${exchange.error ?? 'no response'})` : String(exchange.status);
  const line = of(`${exchange.method} ${exchange.path} → ${outcome} in ${Math.round(exchange.durationMs)} ms`);
  if (exchange.status !== undefined && exchange.status < 400) log.info(line);
  else log.warn(line);
}

/** Logs an error with its kind, status and the call that failed. VogentError messages are free of the key. */
export function logError(log: vscode.LogOutputChannel, context: string, error: unknown): void {
  if (!(error instanceof Error)) return log.error(`${context}: ${String(error)}`);
  const { kind, request } = error as { kind?: string; request?: string };
  log.error(`${context}: ${error.name}${kind ? ` [${kind}]` : ''}: ${error.message}${request ? ` (${request})` : ''}`);
}
