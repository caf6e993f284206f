// GetRosterImportReport: a page of an import's per-row report (masked), for officers of its jurisdiction.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorize, READERS } from '../../access/access-control';
import { RosterImportNotFound } from '../domain/roster-import.errors';
import { RosterImportStore } from '../roster-import.store';

@Injectable()
export class GetRosterImportReportHandler {
  constructor(private readonly store: RosterImportStore) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.GetRosterImportReport>): Promise<registryV1.RosterImportReportPage> {
    const summary = await this.store.summary(payload.importId);
    if (!summary) throw new RosterImportNotFound({ importId: payload.importId });
    authorize(envelope.principal, READERS, { jurisdiction: summary.jurisdiction });
    const page = await this.store.results(payload.importId, {
      outcome: payload.outcome,
      offset: payload.offset ?? 0,
      limit: payload.limit ?? 100,
    });
    return { importId: payload.importId, ...page };
  }
}
