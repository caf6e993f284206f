import { DeciderSpecification } from '@jineng/testing';
import {
  UnknownJurisdiction,
  UnknownOccupation,
  LevelNotOffered,
  DateInFuture,
} from '../../shared/domain/registry.errors';
import { expectEventsMatchContracts, metadataAt } from '../../testing/registry.fixture';
import {
  ageOn,
  registrationProblems,
  workerDecider,
  type RegisterWorker,
  type WorkerCommand,
} from './worker.decide';
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
import type { WorkerRegistered } from './worker.events';

const spec = DeciderSpecification.for(workerDecider);
const workerId = '0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const hash = 'a'.repeat(64);
const now = '2026-03-02T09:00:00+08:00';

const register = (overrides: Partial<RegisterWorker['data']> = {}, at = now): RegisterWorker => ({
  type: 'RegisterWorker',
  metadata: metadataAt(at),
  data: {
    workerId,
    idNumberHash: hash,
    idNumberMasked: '1408**********0011',
    idNumberBirthDate: '1990-05-17',
    idNumberGender: 'male',
    nameMasked: '张*',
    gender: 'male',
    birthDate: '1990-05-17',
    jurisdiction: '140802',
    hukouJurisdiction: '140821',
    residenceJurisdiction: '140802',
    education: 'senior_secondary',
    category: 'rural_labour',
    keyGroups: ['migrant_worker', 'migrant_worker'],
    ableToWork: true,
    willingToWork: true,
    ...overrides,
  },
});

const registeredEvent: WorkerRegistered = {
  type: 'WorkerRegistered.v1',
  data: {
    workerId,
    idNumberHash: hash,
    idNumberMasked: '1408**********0011',
    nameMasked: '张*',
    gender: 'male',
    jurisdiction: '140802',
    hukouJurisdiction: '140821',
    residenceJurisdiction: '140802',
    education: 'senior_secondary',
    category: 'rural_labour',
    keyGroups: ['migrant_worker'],
    ableToWork: true,
    willingToWork: true,
    registeredOn: '2026-03-02',
    birthDate: '1990-05-17',
  },
};

const command = <C extends WorkerCommand>(type: C['type'], data: C['data'], at = now): C =>
  ({ type, data, metadata: metadataAt(at) }) as C;

describe('RegisterWorker (一人一卡)', () => {
  it('records the birth date the ID number states and a known monthly-pension entitlement (for class-ops)', () => {
    const entitled = { ...registeredEvent, data: { ...registeredEvent.data, monthlyPensionEntitled: true } };
    spec
      .given()
      .when(register({ monthlyPensionEntitled: true }))
      .then(entitled);
    expectEventsMatchContracts([entitled]);
    spec
      .given(registeredEvent)
      .when(command('UpdateWorkerProfile', { workerId, monthlyPensionEntitled: false }))
      .then({ type: 'WorkerProfileUpdated.v1', data: { workerId, monthlyPensionEntitled: false } });
    spec
      .given(entitled)
      .when(command('UpdateWorkerProfile', { workerId, monthlyPensionEntitled: true }))
      .then();
  });

  it('records the finding 自身难以实现转移就业 only when made; false at registration records nothing of it', () => {
    const found = {
      ...registeredEvent,
      data: { ...registeredEvent.data, hardToMoveIntoWork: true as const },
    };
    spec
      .given()
      .when(register({ hardToMoveIntoWork: true }))
      .then(found);
    expectEventsMatchContracts([found]);
    spec
      .given()
      .when(register({ hardToMoveIntoWork: false }))
      .then(registeredEvent);
  });

  it('makes and withdraws the finding by a profile update; an event without the field reads as no finding', () => {
    // registeredEvent predates the field: making the finding is a change, "no finding" is none
    spec
      .given(registeredEvent)
      .when(command('UpdateWorkerProfile', { workerId, hardToMoveIntoWork: true }))
      .then({ type: 'WorkerProfileUpdated.v1', data: { workerId, hardToMoveIntoWork: true } });
    spec
      .given(registeredEvent)
      .when(command('UpdateWorkerProfile', { workerId, hardToMoveIntoWork: false }))
      .then();
    const found = {
      ...registeredEvent,
      data: { ...registeredEvent.data, hardToMoveIntoWork: true as const },
    };
    const withdrawn = {
      type: 'WorkerProfileUpdated.v1' as const,
      data: { workerId, hardToMoveIntoWork: false },
    };
    spec
      .given(found)
      .when(command('UpdateWorkerProfile', { workerId, hardToMoveIntoWork: false }))
      .then(withdrawn);
    expectEventsMatchContracts([withdrawn]);
    spec
      .given(found)
      .when(command('UpdateWorkerProfile', { workerId, hardToMoveIntoWork: true }))
      .then();
    spec
      .given(found, withdrawn)
      .when(command('UpdateWorkerProfile', { workerId, hardToMoveIntoWork: true }))
      .then({ type: 'WorkerProfileUpdated.v1', data: { workerId, hardToMoveIntoWork: true } });
  });

  it('registers a worker with the hash and masked forms only, key groups once each', () => {
    spec.given().when(register()).then(registeredEvent);
    expectEventsMatchContracts([registeredEvent]);
  });

  it('answers WORKER.ALREADY_REGISTERED with the existing worker id for the same ID number', () => {
    spec
      .given(registeredEvent)
      .when(register())
      .thenThrows(
        WorkerAlreadyRegistered,
        (e) => e.details.workerId === workerId && e.category === 'illegal_state',
      );
  });

  it.each([
    ['15 years old the day before the 16th birthday', '2010-03-03', 15],
    ['61 years old', '1965-03-02', 60 + 1],
  ])('refuses a worker %s (WORKER.AGE_OUT_OF_RANGE names idNumber)', (_label, birth, age) => {
    spec
      .given()
      .when(register({ idNumberBirthDate: birth, birthDate: birth }))
      .thenThrows(
        WorkerAgeOutOfRange,
        (e) => e.details.field === 'idNumber' && e.details.age === age && e.category === 'validation',
      );
  });

  it('accepts 16 on the birthday itself and 60 until the day before the 61st birthday', () => {
    spec
      .given()
      .when(register({ idNumberBirthDate: '2010-03-02', birthDate: '2010-03-02' }))
      .then({ ...registeredEvent, data: { ...registeredEvent.data, birthDate: '2010-03-02' } });
    expect(ageOn('1965-03-03', '2026-03-02')).toBe(60);
    expect(
      registrationProblems(register({ idNumberBirthDate: '1965-03-03', birthDate: '1965-03-03' })),
    ).toEqual([]);
  });

  it('refuses a gender or birth date that disagrees with the ID number, naming the field', () => {
    spec
      .given()
      .when(register({ gender: 'female' }))
      .thenThrows(GenderDisagreesWithIdNumber, (e) => e.details.field === 'gender');
    spec
      .given()
      .when(register({ birthDate: '1990-05-18' }))
      .thenThrows(BirthDateDisagreesWithIdNumber, (e) => e.details.field === 'birthDate');
  });

  it('refuses a jurisdiction that does not exist (shape is right, code unknown)', () => {
    spec
      .given()
      .when(register({ hukouJurisdiction: '140899' }))
      .thenThrows(
        UnknownJurisdiction,
        (e) => e.details.field === 'hukouJurisdiction' && e.details.code === '140899',
      );
  });

  it('lists every problem of a row at once, for the roster report', () => {
    const problems = registrationProblems(
      register({ gender: 'female', birthDate: '1990-01-01', jurisdiction: '140899' }),
    );
    expect(problems.map((p) => p.code)).toEqual([
      'WORKER.GENDER_DISAGREES_WITH_ID_NUMBER',
      'WORKER.BIRTH_DATE_DISAGREES_WITH_ID_NUMBER',
      'REGISTRY.UNKNOWN_JURISDICTION',
    ]);
  });
});

describe('UpdateWorkerProfile', () => {
  it('records only what changes', () => {
    spec
      .given(registeredEvent)
      .when(
        command('UpdateWorkerProfile', {
          workerId,
          education: 'senior_secondary',
          category: 'urban_labour',
          phoneChanged: true,
          keyGroups: ['migrant_worker'],
        }),
      )
      .then({
        type: 'WorkerProfileUpdated.v1',
        data: { workerId, category: 'urban_labour', phoneChanged: true },
      });
  });

  it('records nothing when nothing changes', () => {
    spec
      .given(registeredEvent)
      .when(command('UpdateWorkerProfile', { workerId, education: 'senior_secondary' }))
      .thenNothingHappened();
  });

  it('refuses an unknown worker (404)', () => {
    spec
      .given()
      .when(command('UpdateWorkerProfile', { workerId, category: 'graduate' }))
      .thenThrows(WorkerNotRegistered, (e) => e.category === 'not_found');
  });
});

describe('RecordTrainingWish', () => {
  it('records a wish for a catalogue occupation and level', () => {
    spec
      .given(registeredEvent)
      .when(command('RecordTrainingWish', { workerId, occupationCode: '6-18-02-04', level: 5 }))
      .then({
        type: 'TrainingWishRecorded.v1',
        data: { workerId, occupationCode: '6-18-02-04', level: 5, recordedOn: '2026-03-02' },
      });
  });

  it('refuses an occupation outside the catalogue and a level it does not offer', () => {
    spec
      .given(registeredEvent)
      .when(command('RecordTrainingWish', { workerId, occupationCode: 'L-9999' }))
      .thenThrows(UnknownOccupation, (e) => e.details.field === 'occupationCode');
    spec
      .given(registeredEvent)
      .when(command('RecordTrainingWish', { workerId, occupationCode: '4-10-01-06', level: 1 }))
      .thenThrows(LevelNotOffered, (e) => e.details.field === 'level');
  });

  it('records the same wish once', () => {
    const wish = {
      type: 'TrainingWishRecorded.v1',
      data: { workerId, occupationCode: '6-18-02-04', level: 5, recordedOn: '2026-03-01' },
    } as const;
    spec
      .given(registeredEvent, wish)
      .when(command('RecordTrainingWish', { workerId, occupationCode: '6-18-02-04', level: 5 }))
      .thenNothingHappened();
  });
});

describe('RecordEmployment and EndEmployment', () => {
  const employmentId = '5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716';
  const employed = {
    type: 'EmploymentRecorded.v1',
    data: {
      workerId,
      employmentId,
      employerCreditCode: '91140802MA0K123450',
      startDate: '2026-01-05',
      evidenceKind: 'labour_contract',
      evidenceReference: 'HT-2026-001',
    },
  } as const;

  it('records an employment with its evidence, and ends it', () => {
    spec
      .given(registeredEvent)
      .when(command('RecordEmployment', { ...employed.data }))
      .then(employed);
    const ended = {
      type: 'EmploymentEnded.v1',
      data: { workerId, employmentId, endDate: '2026-02-28', reason: '合同到期' },
    } as const;
    spec
      .given(registeredEvent, employed)
      .when(command('EndEmployment', { workerId, endDate: '2026-02-28', reason: '合同到期' }))
      .then(ended);
    expectEventsMatchContracts([employed, ended]);
  });

  it('refuses a second employment while one is open, a start in the future, an end before the start', () => {
    spec
      .given(registeredEvent, employed)
      .when(command('RecordEmployment', { ...employed.data, employmentId: workerId }))
      .thenThrows(WorkerAlreadyEmployed, (e) => e.details.employmentId === employmentId);
    spec
      .given(registeredEvent)
      .when(command('RecordEmployment', { ...employed.data, startDate: '2026-03-03' }))
      .thenThrows(DateInFuture, (e) => e.details.field === 'startDate');
    spec
      .given(registeredEvent, employed)
      .when(command('EndEmployment', { workerId, endDate: '2026-01-04', reason: '离职' }))
      .thenThrows(EmploymentEndsBeforeStart, (e) => e.details.field === 'endDate');
    spec
      .given(registeredEvent)
      .when(command('EndEmployment', { workerId, endDate: '2026-01-04', reason: '离职' }))
      .thenThrows(WorkerNotEmployed);
  });
});

describe('RevealWorkerPersonalData', () => {
  it('records who looked at whom and why', () => {
    const event = {
      type: 'WorkerPersonalDataRevealed.v1',
      data: {
        workerId,
        revealedToUserId: 'officer-1',
        revealedToRoles: ['county_officer'],
        purpose: '核对补贴申领材料',
        fields: ['idNumber', 'name', 'phone'],
      },
    } as const;
    spec
      .given(registeredEvent)
      .when(command('RevealWorkerPersonalData', { workerId, purpose: '核对补贴申领材料' }))
      .then(event);
    expectEventsMatchContracts([event]);
  });
});
