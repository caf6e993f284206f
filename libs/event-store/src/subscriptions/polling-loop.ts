/**
 * Runs `tick` every `intervalMs` (after the previous tick ended) until stopped; a failing tick is
 * reported and the loop goes on. For work that looks for something now and then: replay requests,
 * due retries, due deadlines.
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private current?: Promise<void>;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    private readonly tick: () => Promise<unknown>,
    private readonly onError?: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.next();
  }

  /** Stops; waits for the tick in hand. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.current;
  }

  private next(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.onError?.(error))
        .finally(() => this.next());
    }, this.intervalMs);
  }
}
