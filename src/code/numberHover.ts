import * as vscode from 'vscode';
import type { VogentConnection } from '../connection/vogentConnection';
import { countryName, displayNumber, formatsOf } from '../numbers/formatNumber';
import { agentName, typeName } from '../numbers/presentation';
import { lookUpInBackground } from './lookUp';
import { mentionsIn, type NumberMention } from '../numbers/recognise';
import type { PhoneNumber } from '../vogent/shapes';

/** The only commands a hover's links may run. */
export const HOVER_COMMANDS = ['vogent.copyNumber', 'vogent.revealNumber', 'vogent.openAgent', 'vogent.linkAgent'];

/** A hover on a number or a number id in any document: what it is in the Vogent workspace, with actions. */
export function numberHover(connection: VogentConnection): vscode.HoverProvider {
  return {
    provideHover(document, position) {
      if (connection.status !== 'ready') return undefined;
      const line = document.lineAt(position.line).text;
      const mention = mentionsIn(line, connection.numbers.index).find((m) => m.start <= position.character && position.character <= m.end);
      if (!mention) return undefined;
      const range = new vscode.Range(position.line, mention.start, position.line, mention.end);
      return new vscode.Hover(hoverText(connection, mention), range);
    },
  };
}

function hoverText(connection: VogentConnection, mention: NumberMention): vscode.MarkdownString {
  const text = new vscode.MarkdownString(undefined, true);
  text.isTrusted = { enabledCommands: HOVER_COMMANDS };
  if (mention.number) return describe(text, connection, mention.number);
  const { numbers } = connection;
  if (numbers.complete) return text.appendText('Not a number of your Vogent workspace.');
  lookUpInBackground(connection);
  return text.appendText(`Vogent: looking up… ${numbers.size.toLocaleString('en-US')} numbers loaded so far.`);
}

function describe(text: vscode.MarkdownString, connection: VogentConnection, number: PhoneNumber): vscode.MarkdownString {
  const formats = formatsOf(number);
  const country = countryName(formats?.country);
  const agent = number.agentId === null ? 'no agent' : agentName(number.agentId, connection.agents);
  text.appendMarkdown('$(call-outgoing) **').appendText(displayNumber(number)).appendMarkdown('**');
  if (country) text.appendMarkdown(' · ').appendText(country);
  text.appendMarkdown('\n\n').appendText(`${typeName(number.type)} · ${number.agentId === null ? 'no agent' : `answered by ${agent}`}`);
  const arg = (value: unknown) => encodeURIComponent(JSON.stringify([value]));
  const links = [
    `[Copy](command:vogent.copyNumber?${arg({ phoneNumber: number })})`,
    `[Reveal in Phone Numbers](command:vogent.revealNumber?${arg(number.id)})`,
    ...(number.agentId !== null ? [`[Open Linked Agent](command:vogent.openAgent?${arg({ phoneNumber: number })})`] : []),
    `[Link to Agent…](command:vogent.linkAgent?${arg({ phoneNumber: number })})`,
  ];
  return text.appendMarkdown(`\n\n${links.join(' · ')}`);
}
