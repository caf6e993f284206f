import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { FinanceRoleRequired, OutsideJurisdiction } from '../../funds/domain/funds.decide';
import {
  ProgrammeNotInTargets,
  targetProgrammeDecider,
  TrainingTypesRepeated,
  type MapTargetProgramme,
} from './target-programme.decide';

const spec = DeciderSpecification.for(targetProgrammeDecider);
const CITY = '450800';
const ENTERPRISE_STAFF = '企业职工职业技能培训';
const metadata = (roles: string[]): CommandMetadata => ({
  commandId: '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
  actor: { userId: 'finance-450800', roles },
  jurisdiction: CITY,
  now: '2026-11-30T02:00:00.000Z',
  correlationId: 'corr-1',
});
const map = (
  extra: Partial<MapTargetProgramme['data']> = {},
  roles = ['finance_officer'],
): MapTargetProgramme => ({
  type: 'MapTargetProgramme',
  data: {
    jurisdictionCode: CITY,
    programme: ENTERPRISE_STAFF,
    trainingTypes: ['skill_upgrading', 'job_transfer'],
    actorJurisdiction: CITY,
    publishedProgrammes: [ENTERPRISE_STAFF, '其他就业群体培训'],
    ...extra,
  },
  metadata: metadata(roles),
});
const mapped = {
  type: 'TargetProgrammeMapped.v1' as const,
  data: {
    jurisdictionCode: CITY,
    programme: ENTERPRISE_STAFF,
    trainingTypes: ['job_transfer', 'skill_upgrading'],
    keyGroupOnly: false,
  },
};

describe('MapTargetProgramme', () => {
  it('given a programme the published tables print, when finance maps it, then its training types count toward it', () => {
    spec.given().when(map()).then(mapped);
  });

  it('given the same mapping, when given again in another order, then nothing new; a different one replaces it', () => {
    spec
      .given(mapped)
      .when(map({ trainingTypes: ['job_transfer', 'skill_upgrading'] }))
      .thenNothingHappened();
    spec
      .given(mapped)
      .when(map({ trainingTypes: ['skill_upgrading'], keyGroupOnly: true }))
      .then({ ...mapped, data: { ...mapped.data, trainingTypes: ['skill_upgrading'], keyGroupOnly: true } });
  });

  it('refuses a programme no published table prints, naming the field', () => {
    spec
      .given()
      .when(map({ programme: '企业职工培训' }))
      .thenThrows(
        ProgrammeNotInTargets,
        (e) => e.details.field === 'programme' && e.details.programme === '企业职工培训',
      );
  });

  it('refuses a training type given twice', () => {
    spec
      .given()
      .when(map({ trainingTypes: ['pre_job', 'pre_job'] }))
      .thenThrows(TrainingTypesRepeated, (e) => e.details.trainingType === 'pre_job');
  });

  it('is for finance of the publishing jurisdiction or above', () => {
    spec
      .given()
      .when(map({}, ['institution']))
      .thenThrows(FinanceRoleRequired);
    spec
      .given()
      .when(map({ actorJurisdiction: '450802' }))
      .thenThrows(OutsideJurisdiction);
  });
});
