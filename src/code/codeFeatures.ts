import * as vscode from 'vscode';
import type { VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { numberHover } from './numberHover';
import { numberInlayHints } from './numberInlayHints';

/** Files, wherever they are (local, remote windows, virtual workspaces), and notebook cells; not output, git or debug documents. */
const EVERY_DOCUMENT: vscode.DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-notebook-cell'].map((scheme) => ({ scheme }));

/**
 * Hovers and inlay hints for numbers in any document. Registering them costs nothing: they look only at
 * lines VS Code asks about, read their settings each time, and ask Vogent only when such a line holds a number.
 */
export function codeFeatures(workspaces: VogentWorkspaces): vscode.Disposable[] {
  const enabled = (name: string) => vscode.workspace.getConfiguration('vogent').get<boolean>(name, true);
  const hover = numberHover(workspaces);
  const hints = numberInlayHints(workspaces);
  return [
    hints,
    vscode.languages.registerHoverProvider(EVERY_DOCUMENT, {
      provideHover: (document, position, token) => (enabled('hover.enabled') ? hover.provideHover(document, position, token) : undefined),
    }),
    vscode.languages.registerInlayHintsProvider(EVERY_DOCUMENT, {
      onDidChangeInlayHints: hints.onDidChangeInlayHints,
      provideInlayHints: (document, range, token) => (enabled('inlayHints.enabled') ? hints.provideInlayHints(document, range, token) : []),
    }),
  ];
}
