// ExportClaims, ExportPublicNotices, ExportMyClaims: the three claims lists a user sees, every row
// with the page's filters and sort, as .xlsx or JSON — streamed to the file store while they are read,
// answered as a FileReply the gateway streams to the client. The public notice file carries the notice
// page's columns only: no trainee, no name, no ID number.
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import { ExportTooLargeError, countRows, iterateRows, type FixedCondition } from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ClaimsContext } from '../claims-context';
import { CLAIM_LIST, NOTICE_LIST, isOverdue, noticesOf } from '../list-claims/claim-lists';
import { claimListFor, myClaimsScope, ownAmountsOf, traineeOf } from '../list-claims/list-claims.handler';
import { MAX_EXPORT_ROWS, claimsFile, myClaimsFile, noticesFile, withDerived } from './claim-exports';

/** The derived overdue, and the money (int8, which the driver reads as text) as numbers of fen. */
const claimRowOf = (today: string) => (row: Record<string, unknown>) => ({
  requestedFen: Number(row.requestedFen),
  computedFen: Number(row.computedFen),
  overdue: isOverdue(row.dueOn ? String(row.dueOn) : undefined, String(row.status), today),
});

@Injectable()
export class ExportClaimsHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async claims({ payload, envelope }: RpcRequest<subsidyV1.ExportClaims>): Promise<commonV1.FileReply> {
    const jurisdiction = payload.jurisdiction ?? envelope.principal.jurisdiction;
    const today = this.context.today();
    const { filters, fixed } = claimListFor(envelope.principal, payload, jurisdiction, today);
    const request = { ...filters, ...(payload.sort ? { sort: payload.sort } : {}) };
    await this.bounded(CLAIM_LIST, request, fixed);
    const rows = iterateRows(this.pool, CLAIM_LIST, this.schema, request, fixed);
    return this.files.put(
      claimsFile(withDerived(rows, claimRowOf(today)), payload.format, jurisdiction, today),
    );
  }

  async notices({ payload }: RpcRequest<subsidyV1.ExportPublicNotices>): Promise<commonV1.FileReply> {
    const today = this.context.today();
    const request = noticesOf(payload.jurisdiction, today);
    await this.bounded(NOTICE_LIST, request, []);
    const rows = withDerived(iterateRows(this.pool, NOTICE_LIST, this.schema, request), (row) => ({
      amountFen: Number(row.amountFen),
    }));
    return this.files.put(noticesFile(rows, payload.format, payload.jurisdiction, today));
  }

  async mine({ payload, envelope }: RpcRequest<subsidyV1.ExportMyClaims>): Promise<commonV1.FileReply> {
    const workerId = traineeOf(envelope.principal);
    const own = await ownAmountsOf(this.pool, this.schema, workerId);
    const today = this.context.today();
    const fixed = myClaimsScope(own, payload.status);
    const request = payload.sort ? { sort: payload.sort } : {};
    await this.bounded(CLAIM_LIST, request, fixed);
    const rows = withDerived(iterateRows(this.pool, CLAIM_LIST, this.schema, request, fixed), (row) => ({
      ...claimRowOf(today)(row),
      ownAmountFen: own.get(String(row.claimId)) ?? 0,
    }));
    return this.files.put(myClaimsFile(rows, payload.format, today));
  }

  private get schema(): string {
    return this.context.config.schema;
  }

  private async bounded(
    list: typeof CLAIM_LIST | typeof NOTICE_LIST,
    request: Record<string, unknown>,
    fixed: FixedCondition[],
  ): Promise<void> {
    const rows = await countRows(this.pool, list as typeof CLAIM_LIST, this.schema, request, fixed);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
  }
}
