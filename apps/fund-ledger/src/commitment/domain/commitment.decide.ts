// An approved claim's commitment (stream commitment-<claimId>; flow.md, step 2): its amount drawn from
// its class's earmark, the rest from the source's available money. The ledger book tries it; when short,
// the handler decides again with the refusal and the claim hears CommitmentRefused with the shortfall.
// A claim is committed once: every approved claim has exactly one commitment.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { JsonData } from '../../ledger/domain/json-data';
import { defineDomainError, uuidV5, type Command, type Decider } from '@jineng/ddd';
import { assertFinanceIn, type ActorJurisdiction } from '../../funds/domain/funds.decide';

export const commitmentStreamId = (claimId: string): string => `commitment-${claimId}`;
const COMMITMENT_NAMESPACE = '4f8e2a17-9c3b-4d6e-8a1f-5b7c3e9d2a64';
export const commitmentIdOf = (claimId: string): string => uuidV5(COMMITMENT_NAMESPACE, claimId);

export type CommitForClaim = Command<
  'CommitForClaim',
  JsonData<fundLedgerV1.CommitForClaim> &
    ActorJurisdiction & { readonly refusal?: { readonly availableFen: number } }
>;

export type CommitmentEvent =
  | { type: 'CommitmentMade.v1'; data: JsonData<fundLedgerV1.CommitmentMade> }
  | { type: 'CommitmentRefused.v1'; data: JsonData<fundLedgerV1.CommitmentRefused> };

export type CommitmentState =
  | { readonly status: 'none' }
  | { readonly status: 'refused'; readonly refusal: fundLedgerV1.CommitmentRefused }
  | { readonly status: 'committed'; readonly commitment: fundLedgerV1.CommitmentMade };

export class CommitmentAlreadyMade extends defineDomainError<{
  claimId: string;
  amountFen: number;
  requestedFen: number;
}>({
  code: 'COMMITMENT.ALREADY_MADE',
  category: 'illegal_state',
  zh: (d) => `申请 ${d.claimId} 已承诺 ${d.amountFen} 分，不能再按 ${d.requestedFen} 分承诺`,
  en: (d) =>
    `claim ${d.claimId} is already committed for ${d.amountFen} fen; not committed again for ${d.requestedFen} fen`,
}) {}

export const commitmentDecider: Decider<CommitForClaim, CommitmentState, CommitmentEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) =>
    event.type === 'CommitmentMade.v1'
      ? { status: 'committed', commitment: event.data }
      : { status: 'refused', refusal: event.data },
  decide: (command, state) => {
    const { claimId, classId, jurisdictionCode, fundSource, amountFen, refusal, actorJurisdiction } =
      command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (state.status === 'committed') {
      const made = state.commitment;
      if (
        made.amountFen === amountFen &&
        made.jurisdictionCode === jurisdictionCode &&
        made.fundSource === fundSource &&
        made.classId === classId
      ) {
        return [];
      }
      throw new CommitmentAlreadyMade({ claimId, amountFen: made.amountFen, requestedFen: amountFen });
    }
    if (refusal) {
      return [
        {
          type: 'CommitmentRefused.v1',
          data: {
            claimId,
            jurisdictionCode,
            fundSource,
            requestedFen: amountFen,
            availableFen: refusal.availableFen,
            shortfallFen: amountFen - refusal.availableFen,
          },
        },
      ];
    }
    return [
      {
        type: 'CommitmentMade.v1',
        data: {
          claimId,
          commitmentId: commitmentIdOf(claimId),
          ...(classId ? { classId } : {}),
          jurisdictionCode,
          fundSource,
          amountFen,
        },
      },
    ];
  },
};
