// ListFraudAlerts and ExportFraudAlerts: auditors, the alerts of their jurisdiction and below it.
import type { auditV1, commonV1 } from '@jineng/contracts';
import type { Clock } from '@jineng/kernel';
import { ExportTooLargeError, countRows, iterateRows, queryPage } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import {
  FILE_STORE,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { auditScope, eventsWithin } from '../../access/access-control';
import { fraudAlertExportFile, fraudAlertList, toFraudAlert } from './fraud-alert-list';

export const MAX_ALERT_EXPORT_ROWS = 10_000;

@Injectable()
export class FraudAlertQueriesHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async list({ envelope, payload }: RpcRequest<auditV1.ListFraudAlerts>): Promise<auditV1.FraudAlertPage> {
    const scope = [eventsWithin(auditScope(envelope.principal, payload.jurisdiction))];
    const page = await queryPage(this.pool, fraudAlertList, this.config.schema, payload, scope);
    return { ...page, items: page.items.map(toFraudAlert) };
  }

  async export({ envelope, payload }: RpcRequest<auditV1.ExportFraudAlerts>): Promise<commonV1.FileReply> {
    const scope = [eventsWithin(auditScope(envelope.principal, payload.jurisdiction))];
    const { schema } = this.config;
    const rows = await countRows(this.pool, fraudAlertList, schema, payload, scope);
    if (rows > MAX_ALERT_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_ALERT_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, fraudAlertList, schema, payload, scope);
    return this.files.put(fraudAlertExportFile(rowsOf, payload.format, this.clock.now()));
  }
}
