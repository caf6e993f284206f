// ExportClaimsReconciliation: the same rows as ListClaimsReconciliation, every one, as .xlsx or JSON —
// written to the service's file store while it is read, answered as a FileReply the gateway streams.
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { shanghaiDate, type Clock } from '@jineng/kernel';
import { ExportTooLargeError, countRows, iterateRows } from '@jineng/lists';
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
import {
  claimsReconciliationFile,
  claimsReconciliationFilters,
  claimsReconciliationList,
  claimsReconciliationScope,
} from '../list-claims-reconciliation/claims-reconciliation-list';

/** a direct export answers within the request's timeout: a longer list is narrowed by its filters */
export const MAX_EXPORT_ROWS = 50_000;

@Injectable()
export class ExportClaimsReconciliationHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.ExportClaimsReconciliation>): Promise<commonV1.FileReply> {
    const scope = claimsReconciliationScope(envelope.principal, payload.jurisdictionCode);
    const request = claimsReconciliationFilters(payload);
    const { schema } = this.config;
    const rows = await countRows(this.pool, claimsReconciliationList, schema, request, scope);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    return this.files.put(
      claimsReconciliationFile(
        iterateRows(this.pool, claimsReconciliationList, schema, request, scope),
        payload.format,
        payload.jurisdictionCode,
        shanghaiDate(this.clock.now()),
      ),
    );
  }
}
