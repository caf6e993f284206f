// The facts of a class (docs/contracts.md, proto/jineng/class_ops/v1/classes.proto), stream
// `class-<classId>`. Workers are named by id only: no personal data in an event.
import type { classOpsV1 } from '@jineng/contracts';
import type { DomainEvent } from '@jineng/ddd';

/** A contract's interface as plain JSON data (an interface has no index signature; this has). */
export type JsonData<T> = T extends readonly (infer Item)[]
  ? readonly JsonData<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: JsonData<T[K]> }
    : T;

export type ClassApplied = DomainEvent<'ClassApplied.v1', JsonData<classOpsV1.ClassApplied>>;
export type ClassApproved = DomainEvent<'ClassApproved.v1', JsonData<classOpsV1.ClassApproved>>;
export type ClassRejected = DomainEvent<'ClassRejected.v1', JsonData<classOpsV1.ClassRejected>>;
export type RosterAmended = DomainEvent<'RosterAmended.v1', JsonData<classOpsV1.RosterAmended>>;
export type ClassAwaitingFunds = DomainEvent<
  'ClassAwaitingFunds.v1',
  JsonData<classOpsV1.ClassAwaitingFunds>
>;
export type ClassCancelled = DomainEvent<'ClassCancelled.v1', JsonData<classOpsV1.ClassCancelled>>;
export type VideoEvidenceRecorded = DomainEvent<
  'VideoEvidenceRecorded.v1',
  JsonData<classOpsV1.VideoEvidenceRecorded>
>;
export type InspectionRecorded = DomainEvent<
  'InspectionRecorded.v1',
  JsonData<classOpsV1.InspectionRecorded>
>;
export type ClassCompleted = DomainEvent<'ClassCompleted.v1', JsonData<classOpsV1.ClassCompleted>>;
export type ClassStarted = DomainEvent<'ClassStarted.v1', JsonData<classOpsV1.ClassStarted>>;
export type ClassReapproved = DomainEvent<'ClassReapproved.v1', JsonData<classOpsV1.ClassReapproved>>;
export type ClassStartWithheld = DomainEvent<
  'ClassStartWithheld.v1',
  JsonData<classOpsV1.ClassStartWithheld>
>;

export type ClassEvent =
  | ClassApplied
  | ClassApproved
  | ClassRejected
  | RosterAmended
  | ClassAwaitingFunds
  | ClassReapproved
  | ClassStartWithheld
  | ClassCancelled
  | ClassStarted
  | VideoEvidenceRecorded
  | InspectionRecorded
  | ClassCompleted;

export type ClassWarning = JsonData<classOpsV1.ClassWarning>;
export type ClassPlan = JsonData<classOpsV1.ApplyToOpenClass>;

export const classStreamId = (classId: string): string => `class-${classId}`;
