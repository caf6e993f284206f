// What the registry records about a worker (contracts: proto/jineng/registry/v1/workers.proto).
// Never a clear ID number, name or phone: the worker id, the keyed hash and masked forms only.
import type { DomainEvent } from '@jineng/ddd';

export type Gender = 'male' | 'female';

export type WorkerRegistered = DomainEvent<
  'WorkerRegistered.v1',
  {
    readonly workerId: string;
    readonly idNumberHash: string;
    readonly idNumberMasked: string;
    readonly nameMasked: string;
    readonly gender: Gender;
    readonly jurisdiction: string;
    readonly hukouJurisdiction: string;
    readonly residenceJurisdiction: string;
    readonly education: string;
    readonly category: string;
    readonly keyGroups: readonly string[];
    readonly ableToWork: boolean;
    readonly willingToWork: boolean;
    readonly registeredOn: string;
    /** what the ID number states (class-ops checks the working age at a class's start) */
    readonly birthDate?: string;
    /** entitled to a monthly pension (按月领取养老金资格), where known */
    readonly monthlyPensionEntitled?: boolean;
    /**
     * the officer's finding 自身难以实现转移就业, present only when made. Still v1: events stored before
     * it lack it and mean exactly "no finding", so neither a new version nor an upcaster is needed.
     */
    readonly hardToMoveIntoWork?: true;
  }
>;

export type WorkerProfileUpdated = DomainEvent<
  'WorkerProfileUpdated.v1',
  {
    readonly workerId: string;
    readonly nameMasked?: string;
    readonly phoneChanged?: boolean;
    readonly hukouJurisdiction?: string;
    readonly residenceJurisdiction?: string;
    readonly education?: string;
    readonly category?: string;
    readonly keyGroups?: readonly string[];
    readonly ableToWork?: boolean;
    readonly willingToWork?: boolean;
    readonly monthlyPensionEntitled?: boolean;
    /** the finding 自身难以实现转移就业 made (true) or withdrawn (false) */
    readonly hardToMoveIntoWork?: boolean;
  }
>;

export type TrainingWishRecorded = DomainEvent<
  'TrainingWishRecorded.v1',
  {
    readonly workerId: string;
    readonly occupationCode: string;
    readonly level?: number;
    readonly recordedOn: string;
  }
>;

export type EmploymentRecorded = DomainEvent<
  'EmploymentRecorded.v1',
  {
    readonly workerId: string;
    readonly employmentId: string;
    readonly employerCreditCode: string;
    readonly startDate: string;
    readonly evidenceKind: 'social_insurance' | 'labour_contract';
    readonly evidenceReference: string;
  }
>;

export type EmploymentEnded = DomainEvent<
  'EmploymentEnded.v1',
  {
    readonly workerId: string;
    readonly employmentId: string;
    readonly endDate: string;
    readonly reason: string;
  }
>;

export type WorkerPersonalDataRevealed = DomainEvent<
  'WorkerPersonalDataRevealed.v1',
  {
    readonly workerId: string;
    readonly revealedToUserId: string;
    readonly revealedToRoles: readonly string[];
    readonly purpose: string;
    readonly fields: readonly string[];
  }
>;

export type WorkerEvent =
  | WorkerRegistered
  | WorkerProfileUpdated
  | TrainingWishRecorded
  | EmploymentRecorded
  | EmploymentEnded
  | WorkerPersonalDataRevealed;

export const workerStreamId = (workerId: string): string => `worker-${workerId}`;
