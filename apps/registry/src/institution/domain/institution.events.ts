// What the registry records about a training institution (proto/jineng/registry/v1/institutions.proto).
// The bank account and teachers' personal data stay encrypted in the registry: events carry masks and hashes.
import type { DomainEvent } from '@jineng/ddd';

export type InstitutionType =
  'vocational_college' | 'technical_school' | 'private_training_school' | 'enterprise_training_centre';

// type aliases, not interfaces: events are JSON objects, and only aliases fit an index signature
export type OccupationLevels = {
  readonly occupationCode: string;
  readonly levels: readonly number[];
};

export type Equipment = {
  readonly name: string;
  readonly quantity: number;
};

export type InstitutionAppliedForListing = DomainEvent<
  'InstitutionAppliedForListing.v1',
  {
    readonly institutionId: string;
    readonly name: string;
    readonly creditCode: string;
    readonly type: InstitutionType;
    readonly jurisdiction: string;
    readonly licenceNumber: string;
    readonly bankName: string;
    readonly bankAccountMasked: string;
    readonly siteAreaM2: number;
    readonly equipment: readonly Equipment[];
    readonly scope: readonly OccupationLevels[];
    readonly annualInspectionPassedYear?: number;
    readonly liabilityIncidentFreeSince?: string;
    readonly appliedOn: string;
  }
>;

export type SiteEvaluationRecorded = DomainEvent<
  'SiteEvaluationRecorded.v1',
  {
    readonly institutionId: string;
    readonly evaluatedOn: string;
    readonly passed: boolean;
    readonly reportReference: string;
    readonly expertCount: number;
  }
>;

export type InstitutionListed = DomainEvent<
  'InstitutionListed.v1',
  {
    readonly institutionId: string;
    readonly jurisdiction: string;
    readonly publicationBatch: string;
    readonly scope: readonly OccupationLevels[];
    readonly listedOn: string;
  }
>;

export type InstitutionSuspended = DomainEvent<
  'InstitutionSuspended.v1',
  { readonly institutionId: string; readonly reason: string; readonly rectificationDeadline: string }
>;

export type InstitutionReinstated = DomainEvent<
  'InstitutionReinstated.v1',
  { readonly institutionId: string; readonly note?: string }
>;

export type InstitutionDelisted = DomainEvent<
  'InstitutionDelisted.v1',
  { readonly institutionId: string; readonly reason: string }
>;

export type InstitutionDisqualifiedForYear = DomainEvent<
  'InstitutionDisqualifiedForYear.v1',
  {
    readonly institutionId: string;
    readonly year: number;
    readonly reason: string;
    readonly passRate?: number;
    readonly employmentRate?: number;
  }
>;

export type TeacherRegistered = DomainEvent<
  'TeacherRegistered.v1',
  {
    readonly institutionId: string;
    readonly teacherId: string;
    readonly idNumberHash: string;
    readonly idNumberMasked: string;
    readonly nameMasked: string;
    readonly occupationCodes: readonly string[];
    readonly certificateNumber?: string;
    readonly fullTime: boolean;
    readonly registeredOn: string;
  }
>;

export type InstitutionScopeUpdated = DomainEvent<
  'InstitutionScopeUpdated.v1',
  { readonly institutionId: string; readonly scope: readonly OccupationLevels[] }
>;

export type InstitutionEvent =
  | InstitutionAppliedForListing
  | SiteEvaluationRecorded
  | InstitutionListed
  | InstitutionSuspended
  | InstitutionReinstated
  | InstitutionDelisted
  | InstitutionDisqualifiedForYear
  | TeacherRegistered
  | InstitutionScopeUpdated;

export const institutionStreamId = (institutionId: string): string => `institution-${institutionId}`;
