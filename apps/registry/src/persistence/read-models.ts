// The read models: a TypeORM DataSource on the service's schema (tables made by registryMigrations,
// never by TypeORM's synchronize) and a projection per read model, run by the service runtime.
import type { Projection } from '@jineng/event-store';
import {
  SERVICE_CONFIG,
  ServiceLifecycle,
  createReadModelDataSource,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
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

export function createRegistryDataSource(config: ServiceConfig): Promise<DataSource> {
  return createReadModelDataSource(config, { entities: READ_MODEL_ENTITIES });
}

/** Runs each read model's projection on the runtime (readiness watches them, poison events are parked). */
@Injectable()
export class ReadModelRunners implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    for (const projection of readModelProjections(this.config.schema))
      this.lifecycle.project(projection, this.dataSource);
  }
}
