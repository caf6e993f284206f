// A class's earmark (stream earmark-<classId>; flow.md, money in three steps, step 1): its estimated
// subsidy reserved on its jurisdiction's source when the class is approved, so that no county approves
// classes it cannot pay. The ledger book tries the reservation; when the available balance is short the
// handler decides again with the refusal, and the class hears EarmarkRefused. An earmark is made once:
// the same estimate again changes nothing, another one is refused; after a refusal the class may be
// earmarked when funds have come.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { JsonData } from '../../ledger/domain/json-data';
import { defineDomainError, uuidV5, type Command, type Decider } from '@jineng/ddd';
import { assertFinanceIn, type ActorJurisdiction } from '../../funds/domain/funds.decide';

export const earmarkStreamId = (classId: string): string => `earmark-${classId}`;
const EARMARK_NAMESPACE = 'c9b2f7a4-5d1e-4f3a-9b8c-2e6d4a1f7c30';
export const earmarkIdOf = (classId: string): string => uuidV5(EARMARK_NAMESPACE, classId);

export type EarmarkForClass = Command<
  'EarmarkForClass',
  JsonData<fundLedgerV1.EarmarkForClass> &
    ActorJurisdiction & {
      readonly refusal?: { readonly availableFen: number; readonly reason: string };
    }
>;

export type EarmarkEvent =
  | { type: 'ClassEarmarked.v1'; data: JsonData<fundLedgerV1.ClassEarmarked> }
  | { type: 'EarmarkRefused.v1'; data: JsonData<fundLedgerV1.EarmarkRefused> };

export type EarmarkState =
  | { readonly status: 'none' }
  | { readonly status: 'refused'; readonly requestedFen: number; readonly availableFen: number }
  | { readonly status: 'earmarked'; readonly earmark: fundLedgerV1.ClassEarmarked };

export class EarmarkAlreadyMade extends defineDomainError<{
  classId: string;
  amountFen: number;
  requestedFen: number;
}>({
  code: 'EARMARK.ALREADY_MADE',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 已预留 ${d.amountFen} 分，不能再按 ${d.requestedFen} 分预留`,
  en: (d) =>
    `class ${d.classId} already has an earmark of ${d.amountFen} fen; not earmarked again for ${d.requestedFen} fen`,
}) {}

export const earmarkDecider: Decider<EarmarkForClass, EarmarkState, EarmarkEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, event) =>
    event.type === 'ClassEarmarked.v1'
      ? { status: 'earmarked', earmark: event.data }
      : { status: 'refused', requestedFen: event.data.requestedFen, availableFen: event.data.availableFen },
  decide: (command, state) => {
    const { classId, jurisdictionCode, fundSource, amountFen, refusal, actorJurisdiction } = command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (state.status === 'earmarked') {
      const made = state.earmark;
      if (
        made.amountFen === amountFen &&
        made.jurisdictionCode === jurisdictionCode &&
        made.fundSource === fundSource
      ) {
        return [];
      }
      throw new EarmarkAlreadyMade({ classId, amountFen: made.amountFen, requestedFen: amountFen });
    }
    if (refusal) {
      return [
        {
          type: 'EarmarkRefused.v1',
          data: {
            classId,
            jurisdictionCode,
            fundSource,
            requestedFen: amountFen,
            availableFen: refusal.availableFen,
            reason: refusal.reason,
          },
        },
      ];
    }
    return [
      {
        type: 'ClassEarmarked.v1',
        data: { classId, earmarkId: earmarkIdOf(classId), jurisdictionCode, fundSource, amountFen },
      },
    ];
  },
};
