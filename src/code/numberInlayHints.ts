import * as vscode from 'vscode';
import { displayNumber } from '../numbers/formatNumber';
import { agentName } from '../numbers/presentation';
import { throttle } from '../throttle';
import type { VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { lookUpInBackground, namesFor } from './lookUp';
import { mentionsAcross } from './mentions';

/** Larger documents get no hints: scanning them would cost more than the hints are worth. */
const MAX_LINES = 50_000;
const MAX_CHARS = 1_000_000;

/** After each workspace number in a document, the agent that answers it (or "no agent"); a click reveals it. */
export function numberInlayHints(workspaces: VogentWorkspaces): vscode.InlayHintsProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  // Pages land many times a second while everything loads: hints are asked for again at most 4 times a second.
  const refire = throttle(() => changed.fire(), 250);
  // Turning hints off or on redraws the hints already shown, not only those of the next edit.
  const toggled = vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('vogent.inlayHints.enabled') && changed.fire());
  const stop = [workspaces.onDidChangeState(refire), workspaces.onDidChangeList(refire), toggled];
  return {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      if (workspaces.usable.length === 0 || document.lineCount > MAX_LINES || document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > MAX_CHARS) return [];
      const hints: vscode.InlayHint[] = [];
      let missing = false;
      for (let line = range.start.line; line <= Math.min(range.end.line, document.lineCount - 1); line++) {
        for (const mention of mentionsAcross(workspaces, document.lineAt(line).text)) {
          if (mention.found.length === 0) missing = true;
          else hints.push(hintFor(new vscode.Position(line, mention.end), mention.found, workspaces.all.length > 1));
          namesFor(mention.found);
        }
      }
      if (missing) lookUpInBackground(workspaces);
      return hints;
    },
    dispose: () => {
      for (const subscription of stop) subscription.dispose();
      refire.dispose();
      changed.dispose();
    },
  };
}

/** The first workspace's agent; a number held by other workspaces too says how many more, and the tooltip names them. */
function hintFor(position: vscode.Position, found: WorkspaceNumber[], several: boolean): vscode.InlayHint {
  const [{ workspace, number }, ...others] = found;
  const agent = number.agentId === null ? 'no agent' : agentName(number.agentId, workspace.connection.agents);
  const command = { command: 'vogent.revealNumber', title: 'Reveal in Phone Numbers', arguments: [number.id, workspace.id] };
  const more = others.length > 0 ? ` +${others.length}` : '';
  const hint = new vscode.InlayHint(position, [{ value: several ? `${agent} · ${workspace.name}${more}` : agent, command }]);
  const also = others.length > 0 ? `, also in ${others.map((o) => o.workspace.name).join(', ')} (hover for each)` : '';
  hint.tooltip = `${displayNumber(number)} in ${several ? `the Vogent workspace ${workspace.name}` : 'your Vogent workspace'}${also}. Click to reveal it in Phone Numbers.`;
  hint.paddingLeft = true;
  return hint;
}
