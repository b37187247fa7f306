import type * as vscode from 'vscode';
import { matchAgent } from '../numbers/agentMatch';
import type { Agent } from '../vogent/shapes';
import type { VogentWorkspace, VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { failure, signalOf, unusable as whyNot } from './toolResult';

/** The workspaces a tool call searched, loaded in full, and those it could not, each with why. */
export interface Coverage {
  searched: VogentWorkspace[];
  notSearched: string[];
}

/**
 * Loads every page of the workspace named, or of each with a usable key. One that cannot be loaded is
 * left out and said, so the others still answer; the sentence that says why when none can be.
 */
export async function cover(workspaces: VogentWorkspaces, name: unknown, token: vscode.CancellationToken): Promise<Coverage | string> {
  const chosen = workspacesFor(workspaces, name);
  if (typeof chosen === 'string') return chosen;
  const named = typeof name === 'string' && name.trim() !== '';
  const unusable = named ? [] : workspaces.all.filter((w) => !chosen.includes(w));
  const notSearched = unusable.map((w) => `${w.name} (${w.connection.status === 'rejected' ? 'API key rejected' : 'no API key'})`);
  const searched: VogentWorkspace[] = [];
  const signal = signalOf(token);
  try {
    for (const workspace of chosen) {
      const of = workspaces.all.length > 1 ? ` of ${workspace.name}` : '';
      const failed = await workspace.connection.loadAll(signal).then(
        () => undefined,
        (error: unknown) => failure(`Loading the phone numbers${of} from Vogent`, error, workspaces, workspace),
      );
      if (signal.aborted) return 'The search was cancelled.';
      if (failed && chosen.length === 1) return failed;
      if (failed) notSearched.push(`${workspace.name} (${failed})`);
      else searched.push(workspace);
    }
  } finally {
    signal.dispose();
  }
  return searched.length > 0 ? { searched, notSearched } : `Nothing could be searched: ${notSearched.join('; ')}`;
}

/** The line that says which workspaces were left out, if any. */
export function notSearchedLine({ notSearched }: Coverage): string[] {
  return notSearched.length > 0 ? [`Not searched: ${notSearched.join('; ')}.`] : [];
}

/** The workspaces a tool call covers: the one named, or every one with a usable key; or why there are none. */
function workspacesFor(workspaces: VogentWorkspaces, name: unknown): VogentWorkspace[] | string {
  if (typeof name !== 'string' || name.trim() === '') return whyNot(workspaces) ?? workspaces.usable;
  const named = workspaces.all.find((w) => w.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (!named) return `No Vogent workspace is named "${name}"; the workspaces are: ${workspaces.all.map((w) => w.name).join(', ')}.`;
  return whyNot(workspaces, named) ?? [named];
}

/** Why there is not exactly one agent: none of that name (`missing`), several, or the agents could not be loaded. */
export interface AgentProblem {
  why: string;
  missing: boolean;
}

/** The agent meant by a name or id in one workspace, or why there is not exactly one. */
export async function resolveAgent(workspaces: VogentWorkspaces, workspace: VogentWorkspace, nameOrId: string): Promise<Agent | AgentProblem> {
  let agents: Agent[];
  try {
    agents = await workspace.connection.agentList();
  } catch (error) {
    return { why: failure('Loading the agents from Vogent', error, workspaces, workspace), missing: false };
  }
  const found = matchAgent(nameOrId, agents);
  if ('agent' in found) return found.agent;
  if ('candidates' in found) {
    const names = found.candidates.map((a) => `${a.name} (id ${a.id})`).join('; ');
    return { why: `"${nameOrId}" matches ${found.candidates.length} agents; ask which one, or pass its id: ${names}.`, missing: false };
  }
  const where = workspaces.all.length > 1 ? `the Vogent workspace ${workspace.name}` : 'this Vogent workspace';
  return { why: `No agent of ${where} is named "${nameOrId}" or has that id.`, missing: true };
}

export function isProblem(agent: Agent | AgentProblem): agent is AgentProblem {
  return 'why' in agent;
}

/** The loaded number with this id, or written with these digits in any format, in exactly one of the workspaces. */
export function resolveNumber(workspaces: VogentWorkspaces, chosen: VogentWorkspace[], idOrNumber: string): WorkspaceNumber | string {
  const found = chosen.map((w) => workspaces.find(idOrNumber, w)).filter((f) => f !== undefined);
  if (found.length === 1) return found[0];
  if (found.length > 1) return `"${idOrNumber}" is a number of ${found.length} workspaces (${found.map((f) => f.workspace.name).join(', ')}); pass "workspace" to say which.`;
  const where = workspaces.all.length > 1 ? 'any of the Vogent workspaces' : 'this Vogent workspace';
  return `No phone number of ${where} is "${idOrNumber}" (by number in any format, or by id).`;
}
