// The worker decider (一人一卡). The handler turns the clear ID number into a keyed hash, masked forms
// and the facts the number states (birth date, gender) before deciding: the clear value never
// reaches a command of this decider, an event or a log.
import type { Command, Decider, DomainError } from '@jineng/ddd';
import { todayOf } from '../../shared/domain/dates';
import { DateInFuture } from '../../shared/domain/registry.errors';
import { occupationProblem, throwFirst, unknownJurisdiction } from '../../shared/domain/catalogue-rules';
import {
  BirthDateDisagreesWithIdNumber,
  EmploymentEndsBeforeStart,
  GenderDisagreesWithIdNumber,
  WorkerAgeOutOfRange,
  WorkerAlreadyEmployed,
  WorkerAlreadyRegistered,
  WorkerNotEmployed,
  WorkerNotRegistered,
} from './worker.errors';
import type { Gender, WorkerEvent, WorkerProfileUpdated } from './worker.events';
import { evolveWorker, initialWorkerState, type RegisteredWorker, type WorkerState } from './worker.state';

/** Workers are registered aged 16 to 60 (周岁) on the registration date (DOMAIN §2). */
export const WORKING_AGE = { min: 16, max: 60 } as const;

export type RegisterWorker = Command<
  'RegisterWorker',
  {
    readonly workerId: string;
    readonly idNumberHash: string;
    readonly idNumberMasked: string;
    /** what the ID number itself says */
    readonly idNumberBirthDate: string;
    readonly idNumberGender: Gender;
    readonly nameMasked: string;
    /** what the officer declared */
    readonly gender: Gender;
    readonly birthDate: string;
    readonly jurisdiction: string;
    readonly hukouJurisdiction: string;
    readonly residenceJurisdiction: string;
    readonly education: string;
    readonly category: string;
    readonly keyGroups: readonly string[];
    readonly ableToWork: boolean;
    readonly willingToWork: boolean;
    readonly monthlyPensionEntitled?: boolean;
    /** the officer's finding 自身难以实现转移就业; false or absent: none */
    readonly hardToMoveIntoWork?: boolean;
  }
>;

export type UpdateWorkerProfile = Command<'UpdateWorkerProfile', Omit<WorkerProfileUpdated['data'], never>>;

export type RecordTrainingWish = Command<
  'RecordTrainingWish',
  { readonly workerId: string; readonly occupationCode: string; readonly level?: number }
>;

export type RecordEmployment = Command<
  'RecordEmployment',
  {
    readonly workerId: string;
    readonly employmentId: string;
    readonly employerCreditCode: string;
    readonly startDate: string;
    readonly evidenceKind: 'social_insurance' | 'labour_contract';
    readonly evidenceReference: string;
  }
>;

export type EndEmployment = Command<
  'EndEmployment',
  { readonly workerId: string; readonly endDate: string; readonly reason: string }
>;

export type RevealWorkerPersonalData = Command<
  'RevealWorkerPersonalData',
  { readonly workerId: string; readonly purpose: string }
>;

export type WorkerCommand =
  | RegisterWorker
  | UpdateWorkerProfile
  | RecordTrainingWish
  | RecordEmployment
  | EndEmployment
  | RevealWorkerPersonalData;

/** Age in whole years (周岁) on `date`; it goes up on the birthday itself. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m > bm || (m === bm && d >= bd) ? 0 : 1);
}

/**
 * Every input problem of a registration, in field order (a roster row reports them all; a single
 * command answers the first). Uniqueness is not an input problem: `decide` checks it on the stream.
 */
export function registrationProblems(command: RegisterWorker): DomainError[] {
  const d = command.data;
  const today = todayOf(command.metadata);
  const age = ageOn(d.idNumberBirthDate, today);
  return [
    age < WORKING_AGE.min || age > WORKING_AGE.max
      ? new WorkerAgeOutOfRange({ field: 'idNumber', age, ...WORKING_AGE, on: today })
      : undefined,
    d.gender !== d.idNumberGender
      ? new GenderDisagreesWithIdNumber({ field: 'gender', declared: d.gender })
      : undefined,
    d.birthDate !== d.idNumberBirthDate
      ? new BirthDateDisagreesWithIdNumber({ field: 'birthDate' })
      : undefined,
    unknownJurisdiction('jurisdiction', d.jurisdiction),
    unknownJurisdiction('hukouJurisdiction', d.hukouJurisdiction),
    unknownJurisdiction('residenceJurisdiction', d.residenceJurisdiction),
  ].filter((problem): problem is DomainError => problem !== undefined);
}

function registered(state: WorkerState, workerId: string): RegisteredWorker {
  if (state.status !== 'registered') throw new WorkerNotRegistered({ workerId });
  return state;
}

export function decideWorker(command: WorkerCommand, state: WorkerState): WorkerEvent[] {
  switch (command.type) {
    case 'RegisterWorker': {
      throwFirst(registrationProblems(command));
      const d = command.data;
      if (state.status === 'registered') throw new WorkerAlreadyRegistered({ workerId: state.workerId });
      return [
        {
          type: 'WorkerRegistered.v1',
          data: {
            workerId: d.workerId,
            idNumberHash: d.idNumberHash,
            idNumberMasked: d.idNumberMasked,
            nameMasked: d.nameMasked,
            gender: d.idNumberGender,
            jurisdiction: d.jurisdiction,
            hukouJurisdiction: d.hukouJurisdiction,
            residenceJurisdiction: d.residenceJurisdiction,
            education: d.education,
            category: d.category,
            keyGroups: [...new Set(d.keyGroups)],
            ableToWork: d.ableToWork,
            willingToWork: d.willingToWork,
            registeredOn: todayOf(command.metadata),
            birthDate: d.idNumberBirthDate,
            ...(d.monthlyPensionEntitled === undefined
              ? {}
              : { monthlyPensionEntitled: d.monthlyPensionEntitled }),
            // recorded only when made: "no finding" reads the same as on events that predate the field
            ...(d.hardToMoveIntoWork === true ? { hardToMoveIntoWork: true as const } : {}),
          },
        },
      ];
    }
    case 'UpdateWorkerProfile': {
      const worker = registered(state, command.data.workerId);
      const d = command.data;
      throwFirst([
        unknownJurisdiction('hukouJurisdiction', d.hukouJurisdiction),
        unknownJurisdiction('residenceJurisdiction', d.residenceJurisdiction),
      ]);
      const keyGroups = d.keyGroups === undefined ? undefined : [...new Set(d.keyGroups)];
      // only what changes is recorded; a command that changes nothing records nothing
      const changes = {
        nameMasked: d.nameMasked,
        phoneChanged: d.phoneChanged || undefined,
        hukouJurisdiction: changed(d.hukouJurisdiction, worker.hukouJurisdiction),
        residenceJurisdiction: changed(d.residenceJurisdiction, worker.residenceJurisdiction),
        education: changed(d.education, worker.education),
        category: changed(d.category, worker.category),
        keyGroups:
          keyGroups && [...keyGroups].sort().join() !== [...worker.keyGroups].sort().join()
            ? keyGroups
            : undefined,
        ableToWork: changed(d.ableToWork, worker.ableToWork),
        willingToWork: changed(d.willingToWork, worker.willingToWork),
        monthlyPensionEntitled: changed(d.monthlyPensionEntitled, worker.monthlyPensionEntitled),
        hardToMoveIntoWork: changed(d.hardToMoveIntoWork, worker.hardToMoveIntoWork),
      };
      const present = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      if (Object.keys(present).length === 0) return [];
      return [{ type: 'WorkerProfileUpdated.v1', data: { workerId: d.workerId, ...present } }];
    }
    case 'RecordTrainingWish': {
      const worker = registered(state, command.data.workerId);
      const { workerId, occupationCode, level } = command.data;
      throwFirst([
        occupationProblem(level === undefined ? 'occupationCode' : 'level', occupationCode, level),
      ]);
      if (worker.trainingWishes.some((w) => w.occupationCode === occupationCode && w.level === level))
        return [];
      return [
        {
          type: 'TrainingWishRecorded.v1',
          data: { workerId, occupationCode, level, recordedOn: todayOf(command.metadata) },
        },
      ];
    }
    case 'RecordEmployment': {
      const worker = registered(state, command.data.workerId);
      const today = todayOf(command.metadata);
      if (command.data.startDate > today)
        throw new DateInFuture({ field: 'startDate', date: command.data.startDate, today });
      if (worker.currentEmployment) {
        const { employmentId, employerCreditCode } = worker.currentEmployment;
        throw new WorkerAlreadyEmployed({ employmentId, employerCreditCode });
      }
      return [{ type: 'EmploymentRecorded.v1', data: { ...command.data } }];
    }
    case 'EndEmployment': {
      const worker = registered(state, command.data.workerId);
      const { workerId, endDate, reason } = command.data;
      const today = todayOf(command.metadata);
      if (endDate > today) throw new DateInFuture({ field: 'endDate', date: endDate, today });
      const employment = worker.currentEmployment;
      if (!employment) throw new WorkerNotEmployed({ workerId });
      if (endDate < employment.startDate)
        throw new EmploymentEndsBeforeStart({ field: 'endDate', endDate, startDate: employment.startDate });
      return [
        {
          type: 'EmploymentEnded.v1',
          data: { workerId, employmentId: employment.employmentId, endDate, reason },
        },
      ];
    }
    case 'RevealWorkerPersonalData': {
      registered(state, command.data.workerId);
      const { actor } = command.metadata;
      return [
        {
          type: 'WorkerPersonalDataRevealed.v1',
          data: {
            workerId: command.data.workerId,
            revealedToUserId: actor.userId,
            revealedToRoles: [...actor.roles],
            purpose: command.data.purpose,
            fields: ['idNumber', 'name', 'phone'],
          },
        },
      ];
    }
  }
}

const changed = <T>(next: T | undefined, current: T): T | undefined =>
  next === undefined || next === current ? undefined : next;

export const workerDecider: Decider<WorkerCommand, WorkerState, WorkerEvent> = {
  initialState: initialWorkerState,
  decide: decideWorker,
  evolve: evolveWorker,
};
