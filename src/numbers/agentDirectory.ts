import type { Agent, Page } from '../vogent/shapes';
import { CursorTrail } from './cursorTrail';

export type FetchAgentPage = (cursor: string | undefined, signal: AbortSignal) => Promise<Page<Agent>>;

/**
 * Every agent of the workspace, by id: loaded in full the first time a name is needed (the API has no
 * documented way to get one agent), and kept until reset.
 */
export class AgentDirectory {
  private agents: ReadonlyMap<string, Agent> | undefined;
  private loading: Promise<ReadonlyMap<string, Agent>> | undefined;
  private controller = new AbortController();

  constructor(private readonly fetchPage: FetchAgentPage) {}

  get loaded(): boolean {
    return this.agents !== undefined;
  }

  /** The agent, once loaded; `undefined` for an id no agent has (or before loading). */
  get(id: string): Agent | undefined {
    return this.agents?.get(id);
  }

  list(): Agent[] {
    return [...(this.agents?.values() ?? [])];
  }

  /** Loads every page once; callers that arrive meanwhile share the load. */
  load(): Promise<ReadonlyMap<string, Agent>> {
    if (this.agents) return Promise.resolve(this.agents);
    if (!this.loading) {
      const load = this.fetchAll(this.controller.signal);
      this.loading = load;
      load.catch(() => undefined).finally(() => {
        if (this.loading === load) this.loading = undefined;
      });
    }
    return this.loading;
  }

  reset(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.agents = undefined;
    this.loading = undefined;
  }

  private async fetchAll(signal: AbortSignal): Promise<ReadonlyMap<string, Agent>> {
    const agents = new Map<string, Agent>();
    const trail = new CursorTrail();
    let cursor: string | undefined;
    do {
      const page = await this.fetchPage(cursor, signal);
      trail.accept(page.cursor, 'agents');
      for (const agent of page.data) agents.set(agent.id, agent);
      cursor = page.cursor ?? undefined;
    } while (cursor !== undefined);
    if (!signal.aborted) this.agents = agents;
    return agents;
  }
}
