import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { VIEW_ID } from '../tree/phoneNumbersProvider';

/** Starts the one background load-all for numbers met in code, with progress on the Phone Numbers view. */
export function lookUpInBackground(connection: VogentConnection): void {
  const load = connection.lookUpEverything();
  if (load) void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => load);
}
