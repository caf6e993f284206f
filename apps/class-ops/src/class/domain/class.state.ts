import type {
  ClassApplied,
  ClassEvent,
  ClassStartWithheld,
  InspectionRecorded,
  VideoEvidenceRecorded,
} from './class.events';

export type ClassStatus =
  'applied' | 'approved' | 'rejected' | 'awaiting_funds' | 'cancelled' | 'running' | 'completed';

export type ClassState =
  | { readonly status: 'none' }
  | {
      readonly status: ClassStatus;
      readonly applied: ClassApplied['data'];
      readonly workerIds: readonly string[];
      /** as applied for; after a roster amendment, the roster's size */
      readonly plannedHeadcount: number;
      readonly openingDayHeadcount?: number;
      readonly videos: readonly VideoEvidenceRecorded['data'][];
      readonly inspections: readonly InspectionRecorded['data'][];
      /** the start withheld for funds (dedicated account), until approved again */
      readonly startWithheld?: ClassStartWithheld['data'];
    };

export type KnownClass = Exclude<ClassState, { status: 'none' }>;

export const initialClassState = (): ClassState => ({ status: 'none' });

export function evolveClass(state: ClassState, event: ClassEvent): ClassState {
  if (event.type === 'ClassApplied.v1')
    return {
      status: 'applied',
      applied: event.data,
      workerIds: event.data.workerIds,
      plannedHeadcount: event.data.plannedHeadcount,
      videos: [],
      inspections: [],
    };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ClassApproved.v1':
      return { ...state, status: 'approved' };
    case 'ClassRejected.v1':
      return { ...state, status: 'rejected' };
    case 'RosterAmended.v1':
      return { ...state, workerIds: event.data.workerIds, plannedHeadcount: event.data.workerIds.length };
    case 'ClassAwaitingFunds.v1':
      return { ...state, status: 'awaiting_funds' };
    case 'ClassStartWithheld.v1':
      return { ...state, status: 'awaiting_funds', startWithheld: event.data };
    case 'ClassReapproved.v1': {
      const { startWithheld: _withheld, ...rest } = state;
      return { ...rest, status: 'approved' };
    }
    case 'ClassCancelled.v1':
      return { ...state, status: 'cancelled' };
    case 'VideoEvidenceRecorded.v1':
      return { ...state, videos: [...state.videos, event.data] };
    case 'InspectionRecorded.v1':
      return { ...state, inspections: [...state.inspections, event.data] };
    case 'ClassCompleted.v1':
      return { ...state, status: 'completed' };
    case 'ClassStarted.v1':
      return { ...state, status: 'running', openingDayHeadcount: event.data.openingDayHeadcount };
  }
}
