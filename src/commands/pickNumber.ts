import * as vscode from 'vscode';
import { displayNumber } from '../numbers/formatNumber';
import type { NumberPages } from '../numbers/numberPages';
import { agentName, typeName } from '../numbers/presentation';
import { throttle } from '../throttle';
import { isVogentError } from '../vogent/errors';
import type { PhoneNumber } from '../vogent/shapes';
import type { VogentWorkspace, VogentWorkspaces } from '../workspaces/vogentWorkspaces';
import { reportError } from './reportError';
import { requireUsableKey } from './requireKey';
import { inWorkspace, numberOf, type WorkspaceNumber } from './target';

type NumberPick = vscode.QuickPickItem & Partial<WorkspaceNumber>;
interface PickOptions {
  title: string;
  only?: (n: PhoneNumber) => boolean;
}

/**
 * The linked number a command was given, or one picked among the linked numbers. An unlinked number
 * gets a message instead of a broken action.
 */
export async function linkedNumberOf(workspaces: VogentWorkspaces, target: unknown, title: string): Promise<WorkspaceNumber | undefined> {
  const picked = numberOf(workspaces, target) ?? (await pickNumber(workspaces, { title, only: (n) => n.agentId !== null }));
  if (picked?.number.agentId === null) void vscode.window.showInformationMessage(`${displayNumber(picked.number)} is not linked to an agent.`);
  return picked?.number.agentId === null ? undefined : picked;
}

/** The most items the picker holds: the best matches of what is typed, never the whole workspace. */
const SHOWN = 200;

/**
 * A quick pick over all the numbers of every workspace with a usable key, not only the loaded pages.
 * It filters in the extension: it holds the best matches of what is typed (digits whatever the
 * separators, agent name, type, ID), re-queried as the user types and as pages land, and says how many
 * match while the rest loads. With several workspaces, each has its separator and is named in each
 * item. Closing it stops the loading it started.
 */
export async function pickNumber(workspaces: VogentWorkspaces, options: PickOptions): Promise<WorkspaceNumber | undefined> {
  if (!(await requireUsableKey(workspaces))) return undefined;
  const pick = vscode.window.createQuickPick<NumberPick>();
  Object.assign(pick, { placeholder: 'Type a number in any format, an agent name, a type or an ID', keepScrollPosition: true });
  const closed = new AbortController();
  const update = () => show(pick, workspaces, options, loads.loading);
  const loads = loadsFor(workspaces, pick, closed.signal, () => update());
  // Typing and pages landing each redraw at most every 100 ms, apart: a key is never held back by a page's redraw.
  const [typed, landed] = [throttle(update, 100), throttle(update, 100)];
  const changed = () => {
    loads.start();
    landed();
  };
  const subscriptions = [pick.onDidChangeValue(typed), workspaces.onDidChangeState(changed), workspaces.onDidChangeList(changed), typed, landed];
  loads.start();
  update();
  try {
    return await chosen(pick);
  } finally {
    closed.abort();
    for (const subscription of subscriptions) subscription.dispose();
    pick.dispose();
  }
}

/**
 * Loads each usable workspace's listing once while the picker is open (numbers and agent names), also
 * one whose key becomes usable or whose listing is replaced meanwhile; `loading` holds those still
 * loading. Listings already loaded in full are not loaded: no spinner, no redraw when their "load" ends.
 */
function loadsFor(workspaces: VogentWorkspaces, pick: vscode.QuickPick<NumberPick>, signal: AbortSignal, redraw: () => void) {
  const loading = new Set<VogentWorkspace>();
  const started = new WeakSet<NumberPages>();
  const start = () => {
    for (const workspace of workspaces.usable) {
      const { numbers, agents } = workspace.connection;
      if (loading.has(workspace) || started.has(numbers) || (numbers.complete && (agents.loaded || agents.error))) continue;
      started.add(numbers);
      loading.add(workspace);
      pick.busy = true;
      void loadAll(workspaces, workspace, signal).finally(() => {
        loading.delete(workspace);
        if (signal.aborted) return;
        // A listing replaced as this load ended (a reset it could no longer follow) is loaded in turn.
        start();
        pick.busy = loading.size > 0;
        redraw();
      });
    }
  };
  return { loading, start };
}

/** Loads every page of one workspace; a failure is said, naming the workspace when there are several. */
async function loadAll(workspaces: VogentWorkspaces, workspace: VogentWorkspace, signal: AbortSignal): Promise<void> {
  try {
    await workspace.connection.loadAll(signal);
  } catch (error) {
    if (signal.aborted || isVogentError(error, 'cancelled') || !workspaces.get(workspace.id)) return;
    if (workspace.connection.status !== 'ready') void requireUsableKey(workspaces, workspace);
    else void reportError(`Could not load every phone number${inWorkspace(workspaces, workspace)}`, error);
  }
}

/** Lists the best matches of what is typed, keeping the highlighted number when it still matches. */
function show(pick: vscode.QuickPick<NumberPick>, workspaces: VogentWorkspaces, options: PickOptions, loading: Set<VogentWorkspace>): void {
  const shown = workspaces.usable;
  const several = workspaces.all.length > 1;
  const items: NumberPick[] = [];
  let [total, loaded, pages] = [0, 0, 0];
  const results = shown.map((workspace) => {
    const { numbers, agents } = workspace.connection;
    const found = numbers.index.search(pick.value, { limit: Math.ceil(SHOWN / shown.length), agents, only: options.only });
    [total, loaded] = [total + found.total, loaded + numbers.size];
    if (loading.has(workspace)) pages += numbers.pagesLoaded + 1;
    return { workspace, found };
  });
  // The workspace with the best match comes first, so that Enter takes it; ties keep the workspaces' order.
  results.sort((a, b) => (a.found.best ?? 3) - (b.found.best ?? 3));
  for (const { workspace, found } of results) {
    if (several && found.matches.length > 0) items.push({ label: workspace.name, kind: vscode.QuickPickItemKind.Separator });
    for (const n of found.matches) items.push(itemOf(workspace, n, several));
  }
  setItems(pick, items);
  pick.title = `${options.title} — ${countLine(total, loaded, loading.size > 0 ? pages : undefined)}`;
}

/** What each picker lists now, as text: while pages land, most redraws list the same items and only the title changes. */
const listed = new WeakMap<vscode.QuickPick<NumberPick>, string>();

/** Sends the items only when they changed, keeping the highlighted number when it is still listed. */
function setItems(pick: vscode.QuickPick<NumberPick>, items: NumberPick[]): void {
  const text = items.map((i) => `${i.label}\t${i.description ?? ''}\t${i.detail ?? ''}\t${i.number?.agentId ?? ''}\t${i.workspace?.id ?? ''}`).join('\n');
  if (listed.get(pick) === text) return;
  listed.set(pick, text);
  const active = pick.activeItems[0];
  pick.items = items;
  // Without a highlighted number there is nothing to keep: matching "no number" would pick a separator.
  const keep = active && pick.items.find((item) => item.number?.id === active.number?.id && item.workspace === active.workspace);
  if (keep) pick.activeItems = [keep];
}

function itemOf(workspace: VogentWorkspace, n: PhoneNumber, several: boolean): NumberPick {
  const { agents } = workspace.connection;
  const detail = `${typeName(n.type)} · ${n.id}${several ? ` · ${workspace.name}` : ''}`;
  return { workspace, number: n, label: displayNumber(n), description: agentName(n.agentId, agents), detail, alwaysShow: true };
}

function countLine(matching: number, loaded: number, loadingPage: number | undefined): string {
  const counts = `${matching.toLocaleString('en-US')} of ${loaded.toLocaleString('en-US')} match`;
  return loadingPage === undefined ? counts : `${counts} · loading page ${loadingPage.toLocaleString('en-US')}…`;
}

function chosen(pick: vscode.QuickPick<NumberPick>): Promise<WorkspaceNumber | undefined> {
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const [item] = pick.selectedItems;
      resolve(item?.workspace && item.number && { workspace: item.workspace, number: item.number });
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
}
