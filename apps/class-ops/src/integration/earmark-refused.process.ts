// The fund ledger refused a class's earmark (EarmarkRefused.v1, docs/contracts.md): the approved class
// goes back to "awaiting funds", visible to the officer. A pure translation event → command, wired by
// a durable consumer through `runCaused` (the command id derives from the event id: a redelivered
// refusal records nothing new).
import type { MarkAwaitingFunds } from '../class/domain/class.decide';

export const EARMARK_REFUSED = 'EarmarkRefused.v1';

export type EarmarkRefusedData = {
  readonly classId: string;
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  readonly requestedFen: number;
  readonly availableFen: number;
  readonly reason?: string;
};

export function onEarmarkRefused(data: EarmarkRefusedData): Omit<MarkAwaitingFunds, 'metadata'> {
  return {
    type: 'MarkAwaitingFunds',
    data: {
      classId: data.classId,
      fundSource: data.fundSource,
      requestedFen: data.requestedFen,
      availableFen: data.availableFen,
    },
  };
}
