import * as vscode from 'vscode';
import { countryName, displayNumber, formatsOf } from '../numbers/formatNumber';
import { agentName, typeName } from '../numbers/presentation';
import type { VogentWorkspace, VogentWorkspaces, WorkspaceNumber } from '../workspaces/vogentWorkspaces';
import { lookUpInBackground, namesFor } from './lookUp';
import { mentionsAcross, type LineMention } from './mentions';

/** The only commands a hover's links may run. */
export const HOVER_COMMANDS = ['vogent.copyNumber', 'vogent.revealNumber', 'vogent.openAgent', 'vogent.linkAgent', 'vogent.refresh'];

/** A hover on a number or a number id in any document: what it is in the Vogent workspaces, with actions. */
export function numberHover(workspaces: VogentWorkspaces): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      const line = document.lineAt(position.line).text;
      const mention = mentionsAcross(workspaces, line).find((m) => m.start <= position.character && position.character <= m.end);
      if (!mention) return undefined;
      const range = new vscode.Range(position.line, mention.start, position.line, mention.end);
      return new vscode.Hover(hoverText(workspaces, mention), range);
    },
  };
}

function hoverText(workspaces: VogentWorkspaces, mention: LineMention): vscode.MarkdownString {
  const text = new vscode.MarkdownString(undefined, true);
  text.isTrusted = { enabledCommands: HOVER_COMMANDS };
  const several = workspaces.all.length > 1;
  mention.found.forEach((found, i) => describe(i === 0 ? text : text.appendMarkdown('\n\n---\n\n'), found, several));
  namesFor(mention.found);
  if (mention.found.length > 0) return text;
  const usable = workspaces.usable;
  const unsearched = workspaces.all.filter((w) => !usable.includes(w)).map((w) => w.name);
  const where = several ? `any of your Vogent workspaces${unsearched.length > 0 ? ` (not searched, no usable key: ${unsearched.join(', ')})` : ''}` : 'your Vogent workspace';
  const unfinished = usable.filter((w) => !w.connection.numbers.complete);
  if (unfinished.length === 0) return text.appendText(`Not a number of ${where}.`);
  // A load that failed is not retried on hover: it says why, with Retry, instead of "looking up…" for ever.
  const failed = unfinished.filter((w) => w.connection.numbers.error);
  if (failed.length === unfinished.length) return failed.reduce((t, w, i) => failure(i > 0 ? t.appendMarkdown('\n\n') : t, w, several), text);
  lookUpInBackground(workspaces);
  const loaded = usable.reduce((sum, w) => sum + w.connection.numbers.size, 0);
  return text.appendText(`Vogent: looking up… ${loaded.toLocaleString('en-US')} numbers loaded so far.`);
}

function failure(text: vscode.MarkdownString, workspace: VogentWorkspace, several: boolean): vscode.MarkdownString {
  const { numbers } = workspace.connection;
  const which = several ? ` of ${workspace.name}` : '';
  text.appendText(`Vogent: could not load every number${which} to look this one up (${numbers.size.toLocaleString('en-US')} loaded). ${numbers.error?.message ?? ''}`);
  return text.appendMarkdown(` [Retry](command:vogent.refresh?${encodeURIComponent(JSON.stringify([{ workspaceId: workspace.id }]))})`);
}

function describe(text: vscode.MarkdownString, { workspace, number }: WorkspaceNumber, several: boolean): vscode.MarkdownString {
  const formats = formatsOf(number);
  const country = countryName(formats?.country);
  const agent = number.agentId === null ? 'no agent' : agentName(number.agentId, workspace.connection.agents);
  text.appendMarkdown('$(call-outgoing) **').appendText(displayNumber(number)).appendMarkdown('**');
  if (country) text.appendMarkdown(' · ').appendText(country);
  if (several) text.appendMarkdown(' · $(organization) ').appendText(workspace.name);
  text.appendMarkdown('\n\n').appendText(`${typeName(number.type)} · ${number.agentId === null ? 'no agent' : `answered by ${agent}`}`);
  const target = { phoneNumber: number, workspaceId: workspace.id };
  const arg = (...values: unknown[]) => encodeURIComponent(JSON.stringify(values));
  const links = [
    `[Copy](command:vogent.copyNumber?${arg(target)})`,
    `[Reveal in Phone Numbers](command:vogent.revealNumber?${arg(number.id, workspace.id)})`,
    ...(number.agentId !== null ? [`[Open Linked Agent](command:vogent.openAgent?${arg(target)})`] : []),
    `[Link to Agent…](command:vogent.linkAgent?${arg(target)})`,
  ];
  return text.appendMarkdown(`\n\n${links.join(' · ')}`);
}
