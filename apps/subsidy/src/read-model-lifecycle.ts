// A read model's projection as the service runs it: at start (once, though a hybrid app runs the hooks
// once per part) whatever must come first, then catch up with the store and follow it; at stop finish
// the batch before the runtime closes PostgreSQL, then close the read model's DataSource.
import { ProjectionRunner, type PostgresEventStore, type Projection } from '@jineng/event-store';
import type { JsonLogger } from '@jineng/observability';
import type { DataSource } from 'typeorm';

export class ReadModelLifecycle {
  private readonly runner: ProjectionRunner;
  private started?: Promise<void>;
  private stopped?: Promise<void>;

  constructor(
    store: PostgresEventStore,
    private readonly dataSource: DataSource,
    projection: Projection,
    logger: JsonLogger,
  ) {
    this.runner = new ProjectionRunner({
      store,
      dataSource,
      projection,
      onError: (error) =>
        logger.error(`${projection.name} projection: ${String(error)}`, 'ReadModelLifecycle'),
    });
  }

  start(first: () => Promise<void> = async () => undefined): Promise<void> {
    this.started ??= (async () => {
      await first();
      await this.runner.catchUp();
      this.runner.start();
    })();
    return this.started;
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      await this.runner.stop();
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    })();
    return this.stopped;
  }
}
