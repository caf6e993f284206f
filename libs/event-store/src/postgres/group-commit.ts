/** One append waiting for its turn: already validated and serialised. */
export interface QueuedAppend {
  readonly streamId: string;
  readonly kind: string;
  readonly expected: number | null;
  /** each event as the append functions take it, without its braces: `"id":…,"type":…,"data":…,"metadata":…,"digest":…` */
  readonly eventTexts: readonly string[];
  /** how many events it holds */
  readonly events: number;
}

export interface AppendRow {
  status: string;
  stream_version: string;
  transaction_id: string | null;
  positions: string[] | null;
}

interface Waiting extends QueuedAppend {
  resolve(row: AppendRow): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  /** groups sent at once at most (each holds one connection); the rest wait and join the next group */
  readonly maxInFlight: number;
  readonly maxGroupSize: number;
  /**
   * true (the store's default): one lane, and another only while at least `laneEvents` events wait
   * (a whole group's worth: large appends, or overload); false: up to `maxInFlight` lanes whenever
   * appends wait (ADR 0001, decision 8)
   */
  readonly adaptiveLanes?: boolean;
  /** with adaptive lanes: the events waiting that open another lane, and the most events in a group (default 100) */
  readonly laneEvents?: number;
}

/**
 * Group commit for concurrent appends of one process: an append goes out at once when a lane is
 * free; while all lanes are busy, new appends queue and the next free lane sends them together —
 * one round trip and one commit for many appends, each still decided on its own (ADR 0001).
 * A caller's promise settles only after the commit that holds its events.
 */
export class GroupCommit {
  private readonly queue: Waiting[] = [];
  private queuedEvents = 0;
  private inFlight = 0;

  constructor(
    private readonly sendOne: (append: QueuedAppend) => Promise<AppendRow>,
    private readonly sendGroup: (appends: readonly QueuedAppend[]) => Promise<AppendRow[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(append: QueuedAppend): Promise<AppendRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...append, resolve, reject });
      this.queuedEvents += append.events;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      // adaptive: a second lane (and more) only while a group's worth of events waits — large appends
      // (which gain little from sharing a commit) or overload
      if (
        this.options.adaptiveLanes &&
        this.inFlight > 0 &&
        this.queuedEvents < (this.options.laneEvents ?? 100)
      )
        return;
      const group = this.nextGroup();
      this.inFlight++;
      // the lane is given back one macrotask after the group settles: the callers it answered append
      // again in their continuations (microtasks), and those appends then leave together as the next
      // group instead of the first of them alone and the others after it
      void this.send(group).finally(() =>
        setImmediate(() => {
          this.inFlight--;
          this.pump();
        }),
      );
    }
  }

  /**
   * The appends at the head of the queue, up to `maxGroupSize`; with adaptive lanes also up to
   * `laneEvents` events (but at least one append): a large append goes alone (one `append_events`,
   * cheaper for it than a group) and takes a lane of its own, small ones share a group.
   */
  private nextGroup(): Waiting[] {
    const cap = this.options.adaptiveLanes ? (this.options.laneEvents ?? 100) : Infinity;
    const group: Waiting[] = [];
    let events = 0;
    while (this.queue.length > 0 && group.length < this.options.maxGroupSize) {
      const next = this.queue[0];
      if (group.length > 0 && events + next.events > cap) break;
      group.push(this.queue.shift()!);
      events += next.events;
      this.queuedEvents -= next.events;
    }
    return group;
  }

  private async send(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.sendAlone(group[0]);
    // the same lock order in every group: two groups never wait on each other in a cycle
    const sorted = [...group].sort((a, b) =>
      a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0,
    );
    let rows: AppendRow[];
    try {
      rows = await this.sendGroup(sorted);
    } catch {
      // the group rolled back as a whole: nothing of it is stored; each append again on its own,
      // so that only the one at fault gets the error
      for (const append of sorted) await this.sendAlone(append);
      return;
    }
    sorted.forEach((append, i) => append.resolve(rows[i]));
  }

  private async sendAlone(append: Waiting): Promise<void> {
    try {
      append.resolve(await this.sendOne(append));
    } catch (error) {
      append.reject(error);
    }
  }
}
