// ExportClaimVoucher: the payment voucher of a claim approved for payment, as .xlsx or JSON — for the
// officers and auditors of its jurisdiction, the finance officers who pay it (within their
// jurisdiction), and the claimant. A trainee sees their own lines in GetClaim, not the whole voucher.
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import { JurisdictionCode } from '@jineng/kernel';
import type { FileStore, Principal, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ClaimsContext, mayRead, type LiveClaim } from '../claims-context';
import { ClaimNotFound, ClaimNotInStage } from '../domain/claim';
import type { ClaimViewData } from '../read-model/claims.projection';
import { VOUCHER_STATUSES, claimVoucher, voucherFile } from './claim-voucher';

@Injectable()
export class ExportClaimVoucherHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({ payload, envelope }: RpcRequest<subsidyV1.ExportClaimVoucher>): Promise<commonV1.FileReply> {
    const claim = await this.context.loadClaim(payload.claimId);
    // a claim the caller may not see does not exist for them
    if (!mayFile(envelope.principal, claim)) throw new ClaimNotFound({ claimId: payload.claimId });
    const { rows } = await this.pool.query<{ view: ClaimViewData }>(
      `select view from "${this.context.config.schema}".claims where claim_id = $1`,
      [payload.claimId],
    );
    const view = rows[0]?.view;
    if (!view) throw new ClaimNotFound({ claimId: payload.claimId });
    if (!VOUCHER_STATUSES.includes(view.summary.status))
      throw new ClaimNotInStage({
        claimId: payload.claimId,
        status: view.summary.status,
        expected: VOUCHER_STATUSES,
      });
    return this.files.put(voucherFile(claimVoucher(view), payload.claimId, payload.format));
  }
}

/** Officers, auditors and the claimant (mayRead, not as a trainee), or a finance officer of the jurisdiction. */
function mayFile(principal: Principal, claim: LiveClaim): boolean {
  const as = mayRead(principal, claim);
  if (as === 'officer' || as === 'claimant') return true;
  if (!principal.roles.includes('finance_officer')) return false;
  const target = JurisdictionCode.parse(claim.submitted.jurisdictionCode);
  const own = JurisdictionCode.parse(principal.jurisdiction);
  return target.ok && own.ok && target.value.isWithin(own.value);
}
