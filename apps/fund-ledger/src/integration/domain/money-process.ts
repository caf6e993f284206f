// Money in three steps (docs/flow.md), the process manager's pure part: from an event subsidy
// published, the ledger command it asks for. Wired by the `fund-ledger-money` durable consumer with
// `runCaused` (command ids derive from the event's id: a redelivered event commits nothing new).
//
//   ClassSubsidyEstimated.v1 → EarmarkForClass   (the class's maximum subsidy reserved)
//   ClaimApproved.v1         → CommitForClaim    (the earmark converted; the expense booked under the
//                                                 claim's kind, which the approval carries — or, on an
//                                                 approval recorded before it did, ClaimSubmitted.v1 told)
//   RecoveryRequested.v1     → ReversePayment    (a clawback of a paid claim)
//
// The consumed events' fields are those of docs/contracts.md; a field this does not use is ignored.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError } from '@jineng/ddd';
import { FUND_SOURCES, isFundSource } from '../../ledger/domain/accounts';

export interface ConsumedEvent {
  readonly type: string;
  readonly data: { readonly [key: string]: unknown };
}

export type MoneyCommand =
  | { readonly type: 'EarmarkForClass'; readonly data: fundLedgerV1.EarmarkForClass }
  | { readonly type: 'CommitForClaim'; readonly data: fundLedgerV1.CommitForClaim }
  | { readonly type: 'ReversePayment'; readonly data: fundLedgerV1.ReversePayment };

/** What the service knows besides the event: the kind of the claim, as it saw it submitted. */
export interface MoneyContext {
  readonly claimKind?: string;
}

/** An event the process cannot act on: its data breaks the contract (dead-lettered, never guessed). */
export class MalformedEvent extends defineDomainError<{ type: string; field: string; reason: string }>({
  code: 'LEDGER.MALFORMED_EVENT',
  category: 'validation',
  zh: (d) => `事件 ${d.type} 的字段 ${d.field} 不合约定：${d.reason}`,
  en: (d) => `event ${d.type}: field ${d.field} breaks the contract: ${d.reason}`,
}) {}

/** A claim approved before this service has seen it submitted: asked again later (redelivery). */
export class ClaimKindNotYetKnown extends defineDomainError<{ claimId: string }>({
  code: 'LEDGER.CLAIM_KIND_NOT_YET_KNOWN',
  category: 'illegal_state',
  zh: (d) => `尚未收到申请 ${d.claimId} 的提交事件，稍后重试`,
  en: (d) => `claim ${d.claimId} has not been seen submitted yet; retried later`,
}) {}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const JURISDICTION = /^\d{6}$/;

function field<T>(
  event: ConsumedEvent,
  name: string,
  check: (value: unknown) => value is T,
  reason: string,
): T {
  const value = event.data[name];
  if (!check(value)) throw new MalformedEvent({ type: event.type, field: name, reason });
  return value;
}

const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
const isJurisdiction = (v: unknown): v is string => typeof v === 'string' && JURISDICTION.test(v);
const isSource = (v: unknown): v is (typeof FUND_SOURCES)[number] => typeof v === 'string' && isFundSource(v);
const isFen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const isClaimantKind = (v: unknown): v is 'institution' | 'enterprise' | 'worker' =>
  v === 'institution' || v === 'enterprise' || v === 'worker';
const isKind = (v: unknown): v is string => typeof v === 'string' && /^[a-z][a-z0-9_]{0,39}$/.test(v);

/** The ledger commands an event asks for (none for an event the process does not follow). */
export function moneyCommandsFor(event: ConsumedEvent, context: MoneyContext = {}): MoneyCommand[] {
  switch (event.type) {
    case 'ClassSubsidyEstimated.v1':
      return [
        {
          type: 'EarmarkForClass',
          data: {
            classId: field(event, 'classId', isId, 'an id'),
            jurisdictionCode: field(event, 'jurisdictionCode', isJurisdiction, 'a 6-digit code'),
            fundSource: field(event, 'fundSource', isSource, `one of ${FUND_SOURCES.join(', ')}`),
            amountFen: field(event, 'amountFen', isFen, 'a positive whole number of fen'),
          },
        },
      ];
    case 'ClaimApproved.v1': {
      const claimId = field(event, 'claimId', isId, 'an id');
      const classId =
        event.data['classId'] === undefined ? undefined : field(event, 'classId', isId, 'an id');
      // the approval's own kind where it carries one; older approvals wait for the submission's
      const subsidyKind =
        event.data['kind'] === undefined
          ? context.claimKind
          : field(event, 'kind', isKind, 'a lower_snake_case kind');
      if (subsidyKind === undefined) throw new ClaimKindNotYetKnown({ claimId });
      if (!isKind(subsidyKind)) {
        throw new MalformedEvent({
          type: 'ClaimSubmitted.v1',
          field: 'kind',
          reason: 'a lower_snake_case kind',
        });
      }
      return [
        {
          type: 'CommitForClaim',
          data: {
            claimId,
            ...(classId ? { classId } : {}),
            claimantId: field(event, 'claimantId', isId, 'an id'),
            claimantKind: field(event, 'claimantKind', isClaimantKind, 'institution, enterprise or worker'),
            jurisdictionCode: field(event, 'jurisdictionCode', isJurisdiction, 'a 6-digit code'),
            fundSource: field(event, 'fundSource', isSource, `one of ${FUND_SOURCES.join(', ')}`),
            amountFen: field(event, 'amountFen', isFen, 'a positive whole number of fen'),
            subsidyKind,
          },
        },
      ];
    }
    case 'RecoveryRequested.v1': {
      const reason = event.data['reason'];
      return [
        {
          type: 'ReversePayment',
          data: {
            recoveryId: field(event, 'recoveryId', isId, 'an id'),
            claimId: field(event, 'claimId', isId, 'an id'),
            amountFen: field(event, 'amountFen', isFen, 'a positive whole number of fen'),
            reason: typeof reason === 'string' && reason.trim() ? reason.trim().slice(0, 200) : 'clawback',
          },
        },
      ];
    }
    default:
      return [];
  }
}
