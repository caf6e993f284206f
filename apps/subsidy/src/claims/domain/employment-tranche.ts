// The employment tranche of a class (stream employment-tranche-<classId>), opened when its certificate
// tranche is claimed: each certified trainee of that claim whose employment the registry records
// within the window (class end + the policy's months) makes the employment tranche ready to claim for
// that trainee — prepared for the claimant, who claims it with their signed commitment; when the
// window ends, the trainees without employment are recorded as expired. Pure.
import type { Command, Decider, DomainEvent } from '@jineng/ddd';

export const employmentTrancheStreamId = (classId: string): string => `employment-tranche-${classId}`;

type Window = {
  classId: string;
  claimId: string;
  claimantId: string;
  claimantKind: string;
  jurisdictionCode: string;
  workerIds: string[];
  startsOn: string;
  until: string;
};

export type EmploymentTrancheOpened = DomainEvent<'EmploymentTrancheOpened.v1', Window>;
export type EmploymentTranchePrepared = DomainEvent<
  'EmploymentTranchePrepared.v1',
  {
    classId: string;
    claimantId: string;
    workerId: string;
    employmentId: string;
    employedOn: string;
    until: string;
  }
>;
export type EmploymentTrancheExpired = DomainEvent<
  'EmploymentTrancheExpired.v1',
  {
    classId: string;
    claimantId: string;
    until: string;
    employedWorkerIds: string[];
    expiredWorkerIds: string[];
  }
>;
export type EmploymentTrancheEvent =
  EmploymentTrancheOpened | EmploymentTranchePrepared | EmploymentTrancheExpired;

export type OpenEmploymentTranche = Command<'OpenEmploymentTranche', Window>;
export type RecordTrancheEmployment = Command<
  'RecordTrancheEmployment',
  { classId: string; workerId: string; employmentId: string; employedOn: string }
>;
export type CloseEmploymentTranche = Command<'CloseEmploymentTranche', { classId: string }>;
export type EmploymentTrancheCommand =
  OpenEmploymentTranche | RecordTrancheEmployment | CloseEmploymentTranche;

export type EmploymentTrancheState =
  | { readonly status: 'none' }
  | { readonly status: 'open' | 'closed'; readonly window: Window; readonly employed: readonly string[] };

export const employmentTrancheDecider: Decider<
  EmploymentTrancheCommand,
  EmploymentTrancheState,
  EmploymentTrancheEvent
> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    if (event.type === 'EmploymentTrancheOpened.v1')
      return { status: 'open', window: event.data, employed: [] };
    if (state.status === 'none') return state;
    if (event.type === 'EmploymentTranchePrepared.v1')
      return { ...state, employed: [...state.employed, event.data.workerId] };
    return { ...state, status: 'closed' };
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenEmploymentTranche':
        return state.status === 'none' ? [{ type: 'EmploymentTrancheOpened.v1', data: command.data }] : [];
      case 'RecordTrancheEmployment': {
        if (state.status !== 'open') return [];
        const { window, employed } = state;
        const d = command.data;
        if (!window.workerIds.includes(d.workerId) || employed.includes(d.workerId)) return [];
        // employment counts from the class start to the window's last day
        if (d.employedOn < window.startsOn || d.employedOn > window.until) return [];
        return [
          {
            type: 'EmploymentTranchePrepared.v1',
            data: {
              classId: window.classId,
              claimantId: window.claimantId,
              workerId: d.workerId,
              employmentId: d.employmentId,
              employedOn: d.employedOn,
              until: window.until,
            },
          },
        ];
      }
      case 'CloseEmploymentTranche': {
        if (state.status !== 'open') return [];
        return [
          {
            type: 'EmploymentTrancheExpired.v1',
            data: {
              classId: state.window.classId,
              claimantId: state.window.claimantId,
              until: state.window.until,
              employedWorkerIds: [...state.employed],
              expiredWorkerIds: state.window.workerIds.filter((w) => !state.employed.includes(w)),
            },
          },
        ];
      }
    }
  },
};
