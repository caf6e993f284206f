import type { Gender, WorkerEvent } from './worker.events';

export interface Employment {
  readonly employmentId: string;
  readonly employerCreditCode: string;
  readonly startDate: string;
}

export type WorkerState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly workerId: string;
      readonly jurisdiction: string;
      readonly gender: Gender;
      readonly hukouJurisdiction: string;
      readonly residenceJurisdiction: string;
      readonly education: string;
      readonly category: string;
      readonly keyGroups: readonly string[];
      readonly ableToWork: boolean;
      readonly willingToWork: boolean;
      readonly monthlyPensionEntitled?: boolean;
      /** 自身难以实现转移就业: false when no officer found it (events before the field included) */
      readonly hardToMoveIntoWork: boolean;
      readonly trainingWishes: readonly { readonly occupationCode: string; readonly level?: number }[];
      readonly currentEmployment?: Employment;
    };

export type RegisteredWorker = Extract<WorkerState, { status: 'registered' }>;

export const initialWorkerState = (): WorkerState => ({ status: 'unregistered' });

export function evolveWorker(state: WorkerState, event: WorkerEvent): WorkerState {
  if (event.type === 'WorkerRegistered.v1') {
    const d = event.data;
    return {
      status: 'registered',
      workerId: d.workerId,
      jurisdiction: d.jurisdiction,
      gender: d.gender,
      hukouJurisdiction: d.hukouJurisdiction,
      residenceJurisdiction: d.residenceJurisdiction,
      education: d.education,
      category: d.category,
      keyGroups: d.keyGroups,
      ableToWork: d.ableToWork,
      willingToWork: d.willingToWork,
      monthlyPensionEntitled: d.monthlyPensionEntitled,
      hardToMoveIntoWork: d.hardToMoveIntoWork === true,
      trainingWishes: [],
    };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'WorkerProfileUpdated.v1': {
      const { workerId: _id, nameMasked: _name, phoneChanged: _phone, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'TrainingWishRecorded.v1':
      return {
        ...state,
        trainingWishes: [
          ...state.trainingWishes,
          { occupationCode: event.data.occupationCode, level: event.data.level },
        ],
      };
    case 'EmploymentRecorded.v1':
      return {
        ...state,
        currentEmployment: {
          employmentId: event.data.employmentId,
          employerCreditCode: event.data.employerCreditCode,
          startDate: event.data.startDate,
        },
      };
    case 'EmploymentEnded.v1':
      return { ...state, currentEmployment: undefined };
    case 'WorkerPersonalDataRevealed.v1':
      return state;
  }
}
