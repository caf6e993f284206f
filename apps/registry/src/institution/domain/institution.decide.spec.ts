import { DeciderSpecification } from '@jineng/testing';
import { DateInFuture, LevelNotOffered, UnknownOccupation } from '../../shared/domain/registry.errors';
import { creditCode, expectEventsMatchContracts, metadataAt } from '../../testing/registry.fixture';
import { institutionDecider, type InstitutionCommand } from './institution.decide';
import {
  AlreadyDisqualifiedForYear,
  DeadlineNotAfterToday,
  DisqualifiedForYear,
  InstitutionAlreadyApplied,
  InstitutionNotFound,
  PrivateSchoolFactsRequired,
  ScopeChangeNeedsOfficer,
  SiteEvaluationRequired,
  TeacherAlreadyRegistered,
  WrongInstitutionStatus,
} from './institution.errors';
import type { InstitutionAppliedForListing, InstitutionEvent } from './institution.events';

const spec = DeciderSpecification.for(institutionDecider);
const institutionId = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const now = '2026-03-02T09:00:00+08:00';
const CREDIT_CODE = creditCode();
const teacher = {
  teacherId: '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  idNumberHash: 'b'.repeat(64),
  idNumberMasked: '1408**********0311',
  nameMasked: '刘**',
  occupationCodes: ['6-18-02-04'],
  fullTime: true,
};

const command = <C extends InstitutionCommand>(
  type: C['type'],
  data: C['data'],
  roles: string[] = ['county_officer'],
): C => ({ type, data, metadata: metadataAt(now, { actor: { userId: 'u-1', roles } }) }) as C;

const application = (overrides: Partial<InstitutionAppliedForListing['data']> = {}) => ({
  institutionId,
  name: '运城市技工学校',
  creditCode: CREDIT_CODE,
  type: 'technical_school' as const,
  jurisdiction: '140802',
  licenceNumber: 'JS-1',
  bankName: '农行',
  bankAccountMasked: '6228***********8901',
  siteAreaM2: 1200,
  equipment: [{ name: '焊机', quantity: 20 }],
  scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
  ...overrides,
});

const applied = (
  overrides: Partial<InstitutionAppliedForListing['data']> = {},
): InstitutionAppliedForListing => ({
  type: 'InstitutionAppliedForListing.v1',
  data: { ...application(overrides), appliedOn: '2026-03-01' },
});
const listed: InstitutionEvent = {
  type: 'InstitutionListed.v1',
  data: {
    institutionId,
    jurisdiction: '140802',
    publicationBatch: '2026年第1批',
    scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    listedOn: '2026-03-01',
  },
};

describe('ApplyForListing', () => {
  it('records the application and its teachers, masked and hashed', () => {
    const expected: InstitutionEvent[] = [
      { type: 'InstitutionAppliedForListing.v1', data: { ...application(), appliedOn: '2026-03-02' } },
      { type: 'TeacherRegistered.v1', data: { institutionId, ...teacher, registeredOn: '2026-03-02' } },
    ];
    spec
      .given()
      .when(command('ApplyForListing', { ...application(), teachers: [teacher] }, ['institution']))
      .then(...expected);
    expectEventsMatchContracts(expected);
  });

  it('refuses a scope outside the catalogue or its levels, naming the field', () => {
    spec
      .given()
      .when(
        command('ApplyForListing', {
          ...application({ scope: [{ occupationCode: 'L-9999', levels: [5] }] }),
          teachers: [],
        }),
      )
      .thenThrows(UnknownOccupation, (e) => e.details.field === 'scope[0].occupationCode');
    spec
      .given()
      .when(
        command('ApplyForListing', {
          ...application({ scope: [{ occupationCode: '4-10-01-06', levels: [1] }] }),
          teachers: [],
        }),
      )
      .thenThrows(LevelNotOffered, (e) => e.details.field === 'scope[0].levels[0]');
  });

  it('asks a private training school for its inspection and liability facts (Jiyuan)', () => {
    spec
      .given()
      .when(command('ApplyForListing', { ...application({ type: 'private_training_school' }), teachers: [] }))
      .thenThrows(PrivateSchoolFactsRequired, (e) => e.details.field === 'annualInspectionPassedYear');
    spec
      .given()
      .when(
        command('ApplyForListing', {
          ...application({
            type: 'private_training_school',
            annualInspectionPassedYear: 2025,
            liabilityIncidentFreeSince: '2026-04-01',
          }),
          teachers: [],
        }),
      )
      .thenThrows(DateInFuture, (e) => e.details.field === 'liabilityIncidentFreeSince');
  });

  it('refuses a second application while one is open, and the same teacher twice', () => {
    spec
      .given(applied())
      .when(command('ApplyForListing', { ...application(), teachers: [] }))
      .thenThrows(InstitutionAlreadyApplied);
    spec
      .given()
      .when(
        command('ApplyForListing', {
          ...application(),
          teachers: [teacher, { ...teacher, teacherId: institutionId }],
        }),
      )
      .thenThrows(TeacherAlreadyRegistered, (e) => e.details.field === 'teachers[1].idNumber');
  });
});

describe('the directory lifecycle: applied → listed → suspended → delisted', () => {
  it('lists an applying institution with its scope in a publication batch', () => {
    spec
      .given(applied())
      .when(command('ListInstitution', { institutionId, publicationBatch: '2026年第1批' }))
      .then({ ...listed, data: { ...listed.data, listedOn: '2026-03-02' } });
  });

  it('lists an enterprise training centre only after a passed on-site evaluation', () => {
    const centre = applied({ type: 'enterprise_training_centre' });
    spec
      .given(centre)
      .when(command('ListInstitution', { institutionId, publicationBatch: 'b' }))
      .thenThrows(SiteEvaluationRequired);
    const evaluated: InstitutionEvent = {
      type: 'SiteEvaluationRecorded.v1',
      data: {
        institutionId,
        evaluatedOn: '2026-03-01',
        passed: true,
        reportReference: 'PG-1',
        expertCount: 3,
      },
    };
    spec
      .given(centre, evaluated)
      .when(command('ListInstitution', { institutionId, publicationBatch: 'b' }))
      .then({
        ...listed,
        data: { ...listed.data, publicationBatch: 'b', listedOn: '2026-03-02' },
      });
  });

  it('suspends a listed institution until a deadline after today, reinstates and delists it', () => {
    spec
      .given(applied(), listed)
      .when(
        command('SuspendInstitution', { institutionId, reason: '整改', rectificationDeadline: '2026-03-02' }),
      )
      .thenThrows(DeadlineNotAfterToday, (e) => e.details.field === 'rectificationDeadline');
    const suspended: InstitutionEvent = {
      type: 'InstitutionSuspended.v1',
      data: { institutionId, reason: '整改', rectificationDeadline: '2026-04-30' },
    };
    spec
      .given(applied(), listed)
      .when(
        command('SuspendInstitution', { institutionId, reason: '整改', rectificationDeadline: '2026-04-30' }),
      )
      .then(suspended);
    spec
      .given(applied(), listed, suspended)
      .when(command('ListInstitution', { institutionId, publicationBatch: 'b' }))
      .thenThrows(WrongInstitutionStatus, (e) => e.details.status === 'suspended');
    spec
      .given(applied(), listed, suspended)
      .when(command('ReinstateInstitution', { institutionId }))
      .then({ type: 'InstitutionReinstated.v1', data: { institutionId } });
    spec
      .given(applied(), listed, suspended)
      .when(command('DelistInstitution', { institutionId, reason: '逾期未整改' }))
      .then({ type: 'InstitutionDelisted.v1', data: { institutionId, reason: '逾期未整改' } });
    spec
      .given()
      .when(command('DelistInstitution', { institutionId, reason: 'x' }))
      .thenThrows(InstitutionNotFound);
  });

  it('disqualifies for a year once, and not for a year that is over; a disqualified year blocks listing', () => {
    const disqualified: InstitutionEvent = {
      type: 'InstitutionDisqualifiedForYear.v1',
      data: { institutionId, year: 2026, reason: '年度合格率低于80%', passRate: 0.72 },
    };
    spec
      .given(applied())
      .when(
        command('DisqualifyInstitutionForYear', {
          institutionId,
          year: 2026,
          reason: '年度合格率低于80%',
          passRate: 0.72,
        }),
      )
      .then(disqualified);
    spec
      .given(applied(), disqualified)
      .when(command('DisqualifyInstitutionForYear', { institutionId, year: 2026, reason: 'x' }))
      .thenThrows(AlreadyDisqualifiedForYear);
    spec
      .given(applied(), disqualified)
      .when(command('ListInstitution', { institutionId, publicationBatch: 'b' }))
      .thenThrows(DisqualifiedForYear, (e) => e.details.year === 2026);
    spec
      .given(applied())
      .when(command('DisqualifyInstitutionForYear', { institutionId, year: 2025, reason: 'x' }))
      .thenThrows(Error, (e) => (e as { code?: string }).code === 'INSTITUTION.DISQUALIFICATION_YEAR_PASSED');
  });
});

describe('UpdateInstitutionScope', () => {
  const scope = [{ occupationCode: '4-03-02-01', levels: [5] }];
  it('lets the institution amend its own scope while it applies, and only an officer once listed', () => {
    spec
      .given(applied())
      .when(command('UpdateInstitutionScope', { institutionId, scope }, ['institution']))
      .then({ type: 'InstitutionScopeUpdated.v1', data: { institutionId, scope } });
    spec
      .given(applied(), listed)
      .when(command('UpdateInstitutionScope', { institutionId, scope }, ['institution']))
      .thenThrows(ScopeChangeNeedsOfficer, (e) => e.category === 'forbidden');
    spec
      .given(applied(), listed)
      .when(command('UpdateInstitutionScope', { institutionId, scope }))
      .then({ type: 'InstitutionScopeUpdated.v1', data: { institutionId, scope } });
  });
});
