// 「原则上每人每年可享受不超过3次」: an officer records why a worker may receive one more training subsidy
// in a year, for one class (stream limit-exception-<workerId>-<classId>). The claim that uses it keeps
// the reason in its computation's `overrides`.
import type { Command, Decider, DomainEvent } from '@jineng/ddd';

export type YearlyLimitExceptionRecorded = DomainEvent<
  'YearlyLimitExceptionRecorded.v1',
  { workerId: string; classId: string; reason: string; recordedBy: string }
>;
export type RecordLimitExceptionCommand = Command<
  'RecordLimitException',
  { workerId: string; classId: string; reason: string }
>;
export type LimitExceptionState = { readonly recorded: boolean };

export const limitExceptionStreamId = (workerId: string, classId: string): string =>
  `limit-exception-${workerId}-${classId}`;

export const limitExceptionDecider: Decider<
  RecordLimitExceptionCommand,
  LimitExceptionState,
  YearlyLimitExceptionRecorded
> = {
  initialState: () => ({ recorded: false }),
  evolve: () => ({ recorded: true }),
  decide: (command, state) =>
    state.recorded
      ? []
      : [
          {
            type: 'YearlyLimitExceptionRecorded.v1',
            data: { ...command.data, recordedBy: command.metadata.actor.userId },
          },
        ],
};
