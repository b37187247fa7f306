import * as vscode from 'vscode';
import type { Exchange } from './vogent/client';

/** The "Vogent" output channel. Requests are logged as method, path, status and time: never headers or bodies. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Vogent', { log: true });
}

export function logExchange(log: vscode.LogOutputChannel, exchange: Exchange): void {
  const outcome = exchange.status === undefined ? `failed (${exchange.error ?? 'no response'})` : String(exchange.status);
  const line = `${exchange.method} ${exchange.path} → ${outcome} in ${Math.round(exchange.durationMs)} ms`;
  if (exchange.status !== undefined && exchange.status < 400) log.info(line);
  else log.warn(line);
}

/** Logs an error with its kind and cause chain; messages are already free of the key. */
export function logError(log: vscode.LogOutputChannel, context: string, error: unknown): void {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 4; depth++) {
    if (e instanceof Error) {
      const kind = (e as { kind?: string }).kind;
      parts.push(`${e.name}${kind ? ` [${kind}]` : ''}: ${e.message}`);
      e = e.cause;
    } else {
      parts.push(String(e));
      e = undefined;
    }
  }
  log.error(`${context}: ${parts.join(' ← caused by ')}`);
}
