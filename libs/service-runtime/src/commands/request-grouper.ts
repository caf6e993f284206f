export interface RequestGrouperOptions {
  /** groups handled at once (each typically holds one connection); the rest wait and join the next */
  readonly maxInFlight: number;
  readonly maxGroupSize: number;
  /**
   * How long a free lane waits for more requests before it takes a group that is not full yet (0: at
   * once). A few milliseconds turn concurrent requests into one group even while lanes are free.
   */
  readonly lingerMs?: number;
}

interface Waiting<I, O> {
  readonly item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Groups concurrent requests of one process into one unit of work (one transaction, one round trip
 * for many), each caller still answered on its own: `handleGroup` answers one result per item, in
 * the order given. A group that fails as a whole is handled again item by item, so only the item at
 * fault gets the error and the others their results (the group's work must be all-or-nothing, e.g.
 * one transaction, and each item's handling must not depend on having been grouped).
 */
export class RequestGrouper<I, O> {
  private readonly queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly handleGroup: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly options: RequestGrouperOptions,
  ) {
    if (options.maxInFlight < 1 || options.maxGroupSize < 1)
      throw new Error('a request grouper needs at least one lane and groups of at least one');
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const linger = this.options.lingerMs ?? 0;
      if (linger > 0 && this.queue.length < this.options.maxGroupSize) {
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.take();
          this.pump();
        }, linger);
        return;
      }
      this.take();
    }
  }

  private take(): void {
    if (this.inFlight >= this.options.maxInFlight || this.queue.length === 0) return;
    const group = this.queue.splice(0, this.options.maxGroupSize);
    this.inFlight++;
    void this.send(group).finally(() => {
      this.inFlight--;
      this.pump();
    });
  }

  private async send(group: Waiting<I, O>[]): Promise<void> {
    let results: readonly O[];
    try {
      results = await this.handleGroup(group.map((w) => w.item));
      if (results.length !== group.length)
        throw new Error(`a group of ${group.length} answered ${results.length} results`);
    } catch (error) {
      if (group.length === 1) return group[0].reject(error);
      // the group failed as a whole: each again on its own, so only the one at fault gets the error
      for (const waiting of group) await this.send([waiting]);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]));
  }
}
