import * as vscode from 'vscode';
import { matchLine, numberLine } from '../numbers/numberLines';
import type { Agent, PhoneNumber } from '../vogent/shapes';
import type { VogentWorkspace, VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { cover, isProblem, notSearchedLine, resolveAgent, type Coverage } from './resolve';
import { answer } from './toolResult';

export interface FindInput {
  query?: string;
  agent?: string;
  type?: string;
  linked?: boolean;
  limit?: number;
  workspace?: string;
}

/** Each searched workspace, with the agent its numbers must be linked to when the input names one. */
type Scope = { workspace: VogentWorkspace; agent: Agent | undefined }[];

/** `vogent_findPhoneNumbers`: searches every page of each workspace's numbers (loading what is missing) and lists the matches. */
export function findPhoneNumbers(workspaces: VogentWorkspaces): vscode.LanguageModelTool<FindInput> {
  return {
    prepareInvocation: () => ({ invocationMessage: 'Searching the Vogent phone numbers' }),
    invoke: async ({ input }, token) => {
      await workspaces.ready;
      const covered = await cover(workspaces, input.workspace, token);
      if (typeof covered === 'string') return answer(covered);
      const scope = await scopeOf(workspaces, covered.searched, input.agent);
      return typeof scope === 'string' ? answer([scope, ...notSearchedLine(covered)].join(' ')) : listMatches(workspaces, input, scope, covered);
    },
  };
}

/** The workspaces that have the agent the input names (all of them when it names none), or why none does. */
async function scopeOf(workspaces: VogentWorkspaces, chosen: VogentWorkspace[], agentName: string | undefined): Promise<Scope | string> {
  if (!agentName) return chosen.map((workspace) => ({ workspace, agent: undefined }));
  const scope: Scope = [];
  let missing: string | undefined;
  for (const workspace of chosen) {
    const agent = await resolveAgent(workspaces, workspace, agentName);
    if (!isProblem(agent)) scope.push({ workspace, agent });
    else if (agent.missing) missing ??= agent.why;
    else return agent.why;
  }
  return scope.length > 0 ? scope : (missing ?? `No agent is named "${agentName}".`);
}

function listMatches(workspaces: VogentWorkspaces, input: FindInput, scope: Scope, covered: Coverage): vscode.LanguageModelToolResult {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 500);
  const several = workspaces.all.length > 1;
  const found: WorkspaceNumber[] = [];
  let [total, all] = [0, 0];
  for (const { workspace, agent } of scope) {
    const { numbers, agents } = workspace.connection;
    const only = (n: PhoneNumber) =>
      (!input.type || n.type === input.type) && (input.linked === undefined || (n.agentId !== null) === input.linked) && (!agent || n.agentId === agent.id);
    const result = numbers.index.search(input.query ?? '', { limit: limit - found.length, agents, only });
    found.push(...result.matches.map((number) => ({ workspace, number })));
    [total, all] = [total + result.total, all + numbers.size];
  }
  const lines = found.map(({ workspace, number }) => numberLine(number, workspace.connection.agents, several ? workspace.name : undefined));
  const records = found.map(({ workspace, number }) => ({
    ...number,
    agentName: number.agentId === null ? null : (workspace.connection.agents.get(number.agentId)?.name ?? null),
    ...(several ? { workspace: workspace.name } : {}),
  }));
  return answer([matchLine(found.length, total, all), ...notSearchedLine(covered), ...lines].join('\n'), { total, numbers: records });
}
