import type { InstitutionEvent, InstitutionType, OccupationLevels } from './institution.events';

/** applied → listed → suspended (rectification) → delisted (DOMAIN §2) */
export type InstitutionStatus = 'applied' | 'listed' | 'suspended' | 'delisted';

export type InstitutionState =
  | { readonly status: 'none' }
  | {
      readonly status: InstitutionStatus;
      readonly institutionId: string;
      readonly type: InstitutionType;
      readonly jurisdiction: string;
      readonly scope: readonly OccupationLevels[];
      readonly annualInspectionPassedYear?: number;
      readonly liabilityIncidentFreeSince?: string;
      /** the latest evaluation counts */
      readonly siteEvaluationPassed?: boolean;
      readonly disqualifiedYears: readonly number[];
      readonly teacherIdNumberHashes: readonly string[];
      readonly teacherIds: readonly string[];
    };

export type KnownInstitution = Exclude<InstitutionState, { status: 'none' }>;

export const initialInstitutionState = (): InstitutionState => ({ status: 'none' });

export function evolveInstitution(state: InstitutionState, event: InstitutionEvent): InstitutionState {
  if (event.type === 'InstitutionAppliedForListing.v1') {
    const d = event.data;
    // a delisted institution that applies again starts over, keeping its teachers and disqualifications
    const previous = state.status === 'none' ? undefined : state;
    return {
      status: 'applied',
      institutionId: d.institutionId,
      type: d.type,
      jurisdiction: d.jurisdiction,
      scope: d.scope,
      annualInspectionPassedYear: d.annualInspectionPassedYear,
      liabilityIncidentFreeSince: d.liabilityIncidentFreeSince,
      disqualifiedYears: previous?.disqualifiedYears ?? [],
      teacherIdNumberHashes: previous?.teacherIdNumberHashes ?? [],
      teacherIds: previous?.teacherIds ?? [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SiteEvaluationRecorded.v1':
      return { ...state, siteEvaluationPassed: event.data.passed };
    case 'InstitutionListed.v1':
      return { ...state, status: 'listed', scope: event.data.scope };
    case 'InstitutionSuspended.v1':
      return { ...state, status: 'suspended' };
    case 'InstitutionReinstated.v1':
      return { ...state, status: 'listed' };
    case 'InstitutionDelisted.v1':
      return { ...state, status: 'delisted' };
    case 'InstitutionDisqualifiedForYear.v1':
      return { ...state, disqualifiedYears: [...state.disqualifiedYears, event.data.year] };
    case 'TeacherRegistered.v1':
      return {
        ...state,
        teacherIdNumberHashes: [...state.teacherIdNumberHashes, event.data.idNumberHash],
        teacherIds: [...state.teacherIds, event.data.teacherId],
      };
    case 'InstitutionScopeUpdated.v1':
      return { ...state, scope: event.data.scope };
  }
}
