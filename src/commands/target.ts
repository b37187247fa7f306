import * as vscode from 'vscode';
import { workspaceDescription } from '../numbers/presentation';
import type { PhoneNumber } from '../vogent/shapes';
import type { VogentWorkspace, VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';

export type { WorkspaceNumber } from '../workspaces/vogentWorkspaces';

/**
 * The number a command was given: a tree item, a hover's link, or anything carrying a `phoneNumber`
 * (and, with several workspaces, a `workspaceId`; without one, the workspace that has the number loaded).
 */
export function numberOf(workspaces: VogentWorkspaces, target: unknown): WorkspaceNumber | undefined {
  const given = target as { phoneNumber?: PhoneNumber; workspaceId?: unknown } | undefined;
  const number = given?.phoneNumber;
  if (!number || typeof number.id !== 'string') return undefined;
  const workspace =
    workspaces.get(given.workspaceId) ??
    workspaces.all.find((w) => w.connection.numbers.get(number.id)) ??
    (given.workspaceId === undefined && workspaces.all.length === 1 ? workspaces.all[0] : undefined);
  return workspace && { workspace, number };
}

/**
 * The workspace a command was given (a workspace node, or `{ workspaceId }`); 'removed' when it names one
 * removed since (a stale node, hint or notification), on which a command acts on no other workspace.
 */
export function givenWorkspace(workspaces: VogentWorkspaces, target: unknown): VogentWorkspace | 'removed' | undefined {
  const id = (target as { workspaceId?: unknown } | undefined)?.workspaceId;
  return id === undefined ? undefined : (workspaces.get(id) ?? 'removed');
}

/** The workspace a command was given, the only one there is, or one the user picks among those `offered`. */
export async function workspaceFor(
  workspaces: VogentWorkspaces,
  target: unknown,
  title: string,
  offered: (w: VogentWorkspace) => boolean = () => true,
): Promise<VogentWorkspace | undefined> {
  const given = givenWorkspace(workspaces, target);
  if (given === 'removed') return undefined;
  if (given || workspaces.all.length === 1) return given ?? workspaces.all[0];
  const items = workspaces.all
    .filter(offered)
    .map((workspace) => ({ label: workspace.name, description: workspaceDescription(workspace.connection.status, workspace.connection.numbers), workspace }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Pick a Vogent workspace' }))?.workspace;
}

/** Names the workspace when there is more than one to tell apart. */
export function inWorkspace(workspaces: VogentWorkspaces, workspace: VogentWorkspace): string {
  return workspaces.all.length > 1 ? ` in ${workspace.name}` : '';
}
