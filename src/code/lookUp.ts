import * as vscode from 'vscode';
import { VIEW_ID } from '../tree/phoneNumbersProvider';
import type { VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';

/** Starts the one background load-all per workspace for numbers met in code, with progress on the Phone Numbers view. */
export function lookUpInBackground(workspaces: VogentWorkspaces): void {
  const loads = workspaces.usable.map((w) => w.connection.lookUpEverything()).filter((load) => load !== undefined);
  if (loads.length > 0) void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => Promise.all(loads));
}

/** Asks for the agent names of workspaces whose numbers were found before any name was needed: one small load, not every page. */
export function namesFor(found: readonly WorkspaceNumber[]): void {
  for (const { workspace } of found) if (!workspace.connection.agents.loaded) void workspace.connection.loadAgentNames();
}
