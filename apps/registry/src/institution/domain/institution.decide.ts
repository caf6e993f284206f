// The institution decider: the directory's lifecycle applied → listed → suspended → delisted, its
// teachers and scope, and yearly disqualification (DOMAIN §2).
import type { Command, Decider, DomainError } from '@jineng/ddd';
import { occupationProblem, throwFirst, unknownJurisdiction } from '../../shared/domain/catalogue-rules';
import { todayOf } from '../../shared/domain/dates';
import { DateInFuture } from '../../shared/domain/registry.errors';
import {
  AlreadyDisqualifiedForYear,
  DeadlineNotAfterToday,
  DisqualificationYearPassed,
  DisqualifiedForYear,
  DuplicateScopeOccupation,
  InstitutionAlreadyApplied,
  InstitutionNotFound,
  PrivateSchoolFactsRequired,
  ScopeChangeNeedsOfficer,
  SiteEvaluationRequired,
  TeacherAlreadyRegistered,
  WrongInstitutionStatus,
} from './institution.errors';
import type {
  InstitutionAppliedForListing,
  InstitutionEvent,
  OccupationLevels,
  TeacherRegistered,
} from './institution.events';
import {
  evolveInstitution,
  initialInstitutionState,
  type InstitutionState,
  type InstitutionStatus,
  type KnownInstitution,
} from './institution.state';

/** A teacher as the handler hands it over: personal data already hashed and masked. */
export type TeacherFacts = Omit<TeacherRegistered['data'], 'institutionId' | 'registeredOn'>;

export type ApplyForListing = Command<
  'ApplyForListing',
  Omit<InstitutionAppliedForListing['data'], 'appliedOn'> & { readonly teachers: readonly TeacherFacts[] }
>;
export type RecordSiteEvaluation = Command<
  'RecordSiteEvaluation',
  {
    readonly institutionId: string;
    readonly evaluatedOn: string;
    readonly passed: boolean;
    readonly reportReference: string;
    readonly expertCount: number;
  }
>;
export type ListInstitution = Command<
  'ListInstitution',
  { readonly institutionId: string; readonly publicationBatch: string }
>;
export type SuspendInstitution = Command<
  'SuspendInstitution',
  { readonly institutionId: string; readonly reason: string; readonly rectificationDeadline: string }
>;
export type ReinstateInstitution = Command<
  'ReinstateInstitution',
  { readonly institutionId: string; readonly note?: string }
>;
export type DelistInstitution = Command<
  'DelistInstitution',
  { readonly institutionId: string; readonly reason: string }
>;
export type DisqualifyInstitutionForYear = Command<
  'DisqualifyInstitutionForYear',
  {
    readonly institutionId: string;
    readonly year: number;
    readonly reason: string;
    readonly passRate?: number;
    readonly employmentRate?: number;
  }
>;
export type RegisterTeacher = Command<
  'RegisterTeacher',
  { readonly institutionId: string; readonly teacher: TeacherFacts }
>;
export type UpdateInstitutionScope = Command<
  'UpdateInstitutionScope',
  { readonly institutionId: string; readonly scope: readonly OccupationLevels[] }
>;

export type InstitutionCommand =
  | ApplyForListing
  | RecordSiteEvaluation
  | ListInstitution
  | SuspendInstitution
  | ReinstateInstitution
  | DelistInstitution
  | DisqualifyInstitutionForYear
  | RegisterTeacher
  | UpdateInstitutionScope;

const JURISDICTION_ROLES = ['county_officer', 'city_approver', 'finance_officer', 'auditor', 'admin'];

function known(state: InstitutionState, institutionId: string): KnownInstitution {
  if (state.status === 'none') throw new InstitutionNotFound({ institutionId });
  return state;
}

function requireStatus(state: KnownInstitution, ...expected: InstitutionStatus[]): void {
  if (!expected.includes(state.status as InstitutionStatus))
    throw new WrongInstitutionStatus({ institutionId: state.institutionId, status: state.status, expected });
}

export function scopeProblems(
  field: string,
  scope: readonly OccupationLevels[],
): (DomainError | undefined)[] {
  const seen = new Set<string>();
  return scope.flatMap((entry, i) => {
    const duplicate = seen.has(entry.occupationCode)
      ? new DuplicateScopeOccupation({ field: `${field}[${i}].occupationCode`, code: entry.occupationCode })
      : undefined;
    seen.add(entry.occupationCode);
    return [
      duplicate,
      occupationProblem(`${field}[${i}].occupationCode`, entry.occupationCode),
      ...entry.levels.map((level, j) =>
        occupationProblem(`${field}[${i}].levels[${j}]`, entry.occupationCode, level),
      ),
    ];
  });
}

function teacherEvents(
  institutionId: string,
  known: { hashes: readonly string[]; ids: readonly string[] },
  teachers: readonly TeacherFacts[],
  registeredOn: string,
  field: (i: number) => string,
): TeacherRegistered[] {
  const hashes = new Set(known.hashes);
  const ids = new Set(known.ids);
  return teachers.map((teacher, i) => {
    teacher.occupationCodes.forEach((code, j) =>
      throwFirst([occupationProblem(`${field(i)}.occupationCodes[${j}]`, code)]),
    );
    if (hashes.has(teacher.idNumberHash) || ids.has(teacher.teacherId))
      throw new TeacherAlreadyRegistered({ field: `${field(i)}.idNumber`, teacherId: teacher.teacherId });
    hashes.add(teacher.idNumberHash);
    ids.add(teacher.teacherId);
    return { type: 'TeacherRegistered.v1', data: { institutionId, ...teacher, registeredOn } };
  });
}

export function decideInstitution(command: InstitutionCommand, state: InstitutionState): InstitutionEvent[] {
  const today = todayOf(command.metadata);
  switch (command.type) {
    case 'ApplyForListing': {
      const { teachers, ...d } = command.data;
      throwFirst([
        unknownJurisdiction('jurisdiction', d.jurisdiction),
        ...scopeProblems('scope', d.scope),
        d.type === 'private_training_school' && d.annualInspectionPassedYear === undefined
          ? new PrivateSchoolFactsRequired({ field: 'annualInspectionPassedYear' })
          : undefined,
        d.type === 'private_training_school' && d.liabilityIncidentFreeSince === undefined
          ? new PrivateSchoolFactsRequired({ field: 'liabilityIncidentFreeSince' })
          : undefined,
        d.liabilityIncidentFreeSince !== undefined && d.liabilityIncidentFreeSince > today
          ? new DateInFuture({
              field: 'liabilityIncidentFreeSince',
              date: d.liabilityIncidentFreeSince,
              today,
            })
          : undefined,
      ]);
      if (state.status !== 'none' && state.status !== 'delisted')
        throw new InstitutionAlreadyApplied({ institutionId: d.institutionId, status: state.status });
      const previous =
        state.status === 'none'
          ? { hashes: [], ids: [] }
          : { hashes: state.teacherIdNumberHashes, ids: state.teacherIds };
      return [
        { type: 'InstitutionAppliedForListing.v1', data: { ...d, appliedOn: today } },
        ...teacherEvents(d.institutionId, previous, teachers, today, (i) => `teachers[${i}]`),
      ];
    }
    case 'RecordSiteEvaluation': {
      const institution = known(state, command.data.institutionId);
      requireStatus(institution, 'applied', 'listed', 'suspended');
      if (command.data.evaluatedOn > today)
        throw new DateInFuture({ field: 'evaluatedOn', date: command.data.evaluatedOn, today });
      return [{ type: 'SiteEvaluationRecorded.v1', data: { ...command.data } }];
    }
    case 'ListInstitution': {
      const institution = known(state, command.data.institutionId);
      requireStatus(institution, 'applied');
      if (institution.type === 'enterprise_training_centre' && institution.siteEvaluationPassed !== true)
        throw new SiteEvaluationRequired({ institutionId: institution.institutionId });
      const year = Number(today.slice(0, 4));
      if (institution.disqualifiedYears.includes(year))
        throw new DisqualifiedForYear({ institutionId: institution.institutionId, year });
      return [
        {
          type: 'InstitutionListed.v1',
          data: {
            institutionId: institution.institutionId,
            jurisdiction: institution.jurisdiction,
            publicationBatch: command.data.publicationBatch,
            scope: institution.scope,
            listedOn: today,
          },
        },
      ];
    }
    case 'SuspendInstitution': {
      const institution = known(state, command.data.institutionId);
      requireStatus(institution, 'listed');
      const deadline = command.data.rectificationDeadline;
      if (deadline <= today)
        throw new DeadlineNotAfterToday({ field: 'rectificationDeadline', date: deadline, today });
      return [{ type: 'InstitutionSuspended.v1', data: { ...command.data } }];
    }
    case 'ReinstateInstitution': {
      requireStatus(known(state, command.data.institutionId), 'suspended');
      return [{ type: 'InstitutionReinstated.v1', data: { ...command.data } }];
    }
    case 'DelistInstitution': {
      requireStatus(known(state, command.data.institutionId), 'listed', 'suspended');
      return [{ type: 'InstitutionDelisted.v1', data: { ...command.data } }];
    }
    case 'DisqualifyInstitutionForYear': {
      const institution = known(state, command.data.institutionId);
      const currentYear = Number(today.slice(0, 4));
      if (command.data.year < currentYear)
        throw new DisqualificationYearPassed({ field: 'year', year: command.data.year, currentYear });
      if (institution.disqualifiedYears.includes(command.data.year))
        throw new AlreadyDisqualifiedForYear({
          institutionId: institution.institutionId,
          year: command.data.year,
        });
      return [{ type: 'InstitutionDisqualifiedForYear.v1', data: { ...command.data } }];
    }
    case 'RegisterTeacher': {
      const institution = known(state, command.data.institutionId);
      requireStatus(institution, 'applied', 'listed', 'suspended');
      return teacherEvents(
        institution.institutionId,
        { hashes: institution.teacherIdNumberHashes, ids: institution.teacherIds },
        [command.data.teacher],
        today,
        () => 'teacher',
      );
    }
    case 'UpdateInstitutionScope': {
      const institution = known(state, command.data.institutionId);
      requireStatus(institution, 'applied', 'listed', 'suspended');
      const officer = command.metadata.actor.roles.some((role) => JURISDICTION_ROLES.includes(role));
      if (!officer && institution.status !== 'applied')
        throw new ScopeChangeNeedsOfficer({
          institutionId: institution.institutionId,
          status: institution.status,
        });
      throwFirst(scopeProblems('scope', command.data.scope));
      return [{ type: 'InstitutionScopeUpdated.v1', data: { ...command.data } }];
    }
  }
}

export const institutionDecider: Decider<InstitutionCommand, InstitutionState, InstitutionEvent> = {
  initialState: initialInstitutionState,
  decide: decideInstitution,
  evolve: evolveInstitution,
};
