import * as vscode from 'vscode';
import { throttle } from '../throttle';
import type { VogentConnection } from '../connection/vogentConnection';
import { displayNumber } from '../numbers/formatNumber';
import { agentName } from '../numbers/presentation';
import { lookUpInBackground } from './lookUp';
import { mentionsIn } from '../numbers/recognise';

/** Larger documents get no hints: scanning them would cost more than the hints are worth. */
const MAX_LINES = 50_000;
const MAX_CHARS = 1_000_000;

/** After each workspace number in a document, the agent that answers it (or "no agent"); a click reveals it. */
export function numberInlayHints(connection: VogentConnection): vscode.InlayHintsProvider & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  // Pages land many times a second while everything loads: hints are asked for again at most 4 times a second.
  const refire = throttle(() => changed.fire(), 250);
  const stop = connection.onDidChange(refire);
  return {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      if (connection.status !== 'ready' || document.lineCount > MAX_LINES || document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > MAX_CHARS) return [];
      const hints: vscode.InlayHint[] = [];
      let missing = false;
      for (let line = range.start.line; line <= Math.min(range.end.line, document.lineCount - 1); line++) {
        for (const mention of mentionsIn(document.lineAt(line).text, connection.numbers.index)) {
          if (!mention.number) {
            missing = true;
            continue;
          }
          const { number } = mention;
          const hint = new vscode.InlayHint(new vscode.Position(line, mention.end), [
            { value: number.agentId === null ? 'no agent' : agentName(number.agentId, connection.agents), command: { command: 'vogent.revealNumber', title: 'Reveal in Phone Numbers', arguments: [number.id] } },
          ]);
          hint.tooltip = `${displayNumber(number)} in your Vogent workspace. Click to reveal it in Phone Numbers.`;
          hint.paddingLeft = true;
          hints.push(hint);
        }
      }
      if (missing) lookUpInBackground(connection);
      return hints;
    },
    dispose: () => {
      stop();
      refire.dispose();
      changed.dispose();
    },
  };
}
