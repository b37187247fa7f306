import { mentionsIn } from '../numbers/recognise';
import type { VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';

/** A number or number id written in a line, and the workspaces' numbers it is (usually one). */
export interface LineMention {
  start: number;
  end: number;
  found: WorkspaceNumber[];
}

/** The mentions in a line, looked up in every workspace with a usable key; one entry per place in the line. */
export function mentionsAcross(workspaces: VogentWorkspaces, text: string): LineMention[] {
  const byStart = new Map<number, LineMention>();
  for (const workspace of workspaces.usable) {
    for (const mention of mentionsIn(text, workspace.connection.numbers.index)) {
      let entry = byStart.get(mention.start);
      if (!entry) byStart.set(mention.start, (entry = { start: mention.start, end: mention.end, found: [] }));
      if (mention.number) entry.found.push({ workspace, number: mention.number });
    }
  }
  return [...byStart.values()].sort((a, b) => a.start - b.start);
}
