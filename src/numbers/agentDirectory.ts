import type { Agent, Page } from '../vogent/shapes';
import { CursorTrail } from './cursorTrail';

export type FetchAgentPage = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Agent>>;

/**
 * Every agent of the workspace, by id: loaded in full the first time a name is needed (the API has no
 * documented way to get one agent), and kept for the life of the connection's listing.
 */
export class AgentDirectory {
  private agents: ReadonlyMap<string, Agent> | undefined;
  private loading: Promise<ReadonlyMap<string, Agent>> | undefined;
  private failure: Error | undefined;
  private readonly controller = new AbortController();

  constructor(private readonly fetchPage: FetchAgentPage) {}

  get loaded(): boolean {
    return this.agents !== undefined;
  }

  /** A load is in flight (a first one, or one trying again after a failure). */
  get inFlight(): boolean {
    return this.loading !== undefined;
  }

  /**
   * Why the last load failed. Rendering reads it and does not retry on its own, so a failing API is not
   * asked again on every redraw; an action that needs the agents calls `load()`, which tries again.
   */
  get error(): Error | undefined {
    return this.failure;
  }

  /** The agent, once loaded; `undefined` for an id no agent has (or before loading). */
  get(id: string): Agent | undefined {
    return this.agents?.get(id);
  }

  list(): Agent[] {
    return [...(this.agents?.values() ?? [])];
  }

  /** Loads every page once; callers that arrive meanwhile share the load. After a failure, loads again. */
  load(): Promise<ReadonlyMap<string, Agent>> {
    if (this.agents) return Promise.resolve(this.agents);
    if (!this.loading) {
      const { signal } = this.controller;
      const load = this.fetchAll(signal);
      this.loading = load;
      load.then(
        (agents) => {
          if (!signal.aborted) [this.agents, this.failure] = [agents, undefined];
        },
        (error: unknown) => {
          if (!signal.aborted) this.failure = error instanceof Error ? error : new Error(String(error));
        },
      ).finally(() => {
        if (this.loading === load) this.loading = undefined;
      });
    }
    return this.loading;
  }

  /** Cancels a load in flight; this directory is not used again. */
  dispose(): void {
    this.controller.abort();
  }

  private async fetchAll(signal: AbortSignal): Promise<ReadonlyMap<string, Agent>> {
    const agents = new Map<string, Agent>();
    const trail = new CursorTrail('agents');
    let cursor: string | undefined;
    do {
      const page = await this.fetchPage(cursor, signal);
      trail.accept(page.cursor, page.data.length + page.skipped.length);
      for (const agent of page.data) agents.set(agent.id, agent);
      cursor = page.cursor ?? undefined;
    } while (cursor !== undefined);
    return agents;
  }
}
