// ListClaimsReconciliation: a page of the claims reconciliation, within the caller's jurisdiction.
import type { fundLedgerV1 } from '@jineng/contracts';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  claimsReconciliationFilters,
  claimsReconciliationItem,
  claimsReconciliationList,
  claimsReconciliationScope,
} from './claims-reconciliation-list';

@Injectable()
export class ListClaimsReconciliationHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.ListClaimsReconciliation>): Promise<fundLedgerV1.ClaimsReconciliationPage> {
    const scope = claimsReconciliationScope(envelope.principal, payload.jurisdictionCode);
    const page = await queryPage(
      this.pool,
      claimsReconciliationList,
      this.config.schema,
      {
        ...claimsReconciliationFilters(payload),
        ...(payload.page ? { page: payload.page } : {}),
        ...(payload.pageSize ? { pageSize: payload.pageSize } : {}),
      },
      scope,
    );
    return { ...page, items: page.items.map(claimsReconciliationItem) };
  }
}
