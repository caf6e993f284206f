// The read models: a TypeORM DataSource on the service's schema (tables made by registryMigrations,
// never by TypeORM's synchronize) and one ProjectionRunner per read model, following the store.
import type { PostgresEventStore, Projection } from '@jineng/event-store';
import { ProjectionRunner } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import { EVENT_STORE, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deviceViewProjection } from '../device/list-devices/device-view.projection';
import { DeviceViewEntity } from '../device/list-devices/device-view.entity';
import { enterpriseViewProjection } from '../enterprise/get-enterprise/enterprise-view.projection';
import { EnterpriseViewEntity } from '../enterprise/get-enterprise/enterprise-view.entity';
import { institutionViewProjection } from '../institution/get-institution/institution-view.projection';
import { InstitutionViewEntity } from '../institution/get-institution/institution-view.entity';
import { READ_MODEL_DATA_SOURCE } from '../registry.tokens';
import { workerViewProjection } from '../worker/get-worker/worker-view.projection';
import { WorkerViewEntity } from '../worker/get-worker/worker-view.entity';

export const READ_MODEL_ENTITIES = [
  WorkerViewEntity,
  InstitutionViewEntity,
  EnterpriseViewEntity,
  DeviceViewEntity,
];

export function readModelProjections(schema: string): Projection[] {
  return [
    workerViewProjection(schema),
    institutionViewProjection(),
    enterpriseViewProjection(),
    deviceViewProjection(),
  ];
}

export async function createReadModelDataSource(config: ServiceConfig): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: READ_MODEL_ENTITIES,
    synchronize: false,
    extra: { max: Math.max(2, Math.floor(config.poolSize / 2)) },
  });
  return dataSource.initialize();
}

@Injectable()
export class ReadModelRunners implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners: ProjectionRunner[];
  private started = false;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    logger: JsonLogger,
  ) {
    this.runners = readModelProjections(config.schema).map(
      (projection) =>
        new ProjectionRunner({
          store,
          dataSource,
          projection,
          onError: (error) =>
            logger.error(`projection ${projection.name}: ${(error as Error).message}`, 'ReadModels'),
        }),
    );
  }

  onApplicationBootstrap(): void {
    // a hybrid app (HTTP + NATS) runs bootstrap hooks once per part
    if (this.started) return;
    this.started = true;
    for (const runner of this.runners) runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
