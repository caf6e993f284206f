import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { FinanceRoleRequired, OutsideJurisdiction } from '../../funds/domain/funds.decide';
import {
  AssigneeNotInTargets,
  InstitutionRepeated,
  targetAssigneeDecider,
  type MapTargetAssignee,
} from './target-assignee.decide';

const spec = DeciderSpecification.for(targetAssigneeDecider);
const JIYUAN = '419001';
const POLYTECHNIC = '济源职业技术学院';
const [A, B] = ['0b9f7c1e-2d3a-4e5f-8a6b-7c8d9e0f1a2b', '5e4d3c2b-1a0f-4e9d-8c7b-6a5f4e3d2c1b'];
const metadata = (roles: string[]): CommandMetadata => ({
  commandId: '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a',
  actor: { userId: 'finance-419001', roles },
  jurisdiction: JIYUAN,
  now: '2026-11-30T02:00:00.000Z',
  correlationId: 'corr-1',
});
const map = (
  extra: Partial<MapTargetAssignee['data']> = {},
  roles = ['finance_officer'],
): MapTargetAssignee => ({
  type: 'MapTargetAssignee',
  data: {
    jurisdictionCode: JIYUAN,
    assignee: POLYTECHNIC,
    institutionIds: [B, A],
    actorJurisdiction: JIYUAN,
    publishedAssignees: [POLYTECHNIC, '济源技师学院'],
    ...extra,
  },
  metadata: metadata(roles),
});
const mapped = {
  type: 'TargetAssigneeMapped.v1' as const,
  data: { jurisdictionCode: JIYUAN, assignee: POLYTECHNIC, institutionIds: [A, B] },
};

describe('MapTargetAssignee', () => {
  it('given an assignee the published tables name, when finance maps it, then those institutions count toward it', () => {
    spec.given().when(map()).then(mapped);
  });

  it('given the same mapping, when given again in another order or case, then nothing new; a different one replaces it', () => {
    spec
      .given(mapped)
      .when(map({ institutionIds: [A.toUpperCase(), B] }))
      .thenNothingHappened();
    spec
      .given(mapped)
      .when(map({ institutionIds: [A] }))
      .then({ ...mapped, data: { ...mapped.data, institutionIds: [A] } });
  });

  it('refuses an assignee no published table names, naming the field', () => {
    spec
      .given()
      .when(map({ assignee: '济源职院' }))
      .thenThrows(
        AssigneeNotInTargets,
        (e) => e.details.field === 'assignee' && e.details.assignee === '济源职院',
      );
  });

  it('refuses an institution given twice', () => {
    spec
      .given()
      .when(map({ institutionIds: [A, A.toUpperCase()] }))
      .thenThrows(
        InstitutionRepeated,
        (e) => e.details.field === 'institutionIds' && e.details.institutionId === A,
      );
  });

  it('is for finance of the publishing jurisdiction or above', () => {
    spec
      .given()
      .when(map({}, ['institution']))
      .thenThrows(FinanceRoleRequired);
    spec
      .given()
      .when(map({ actorJurisdiction: '410100' }))
      .thenThrows(OutsideJurisdiction);
  });
});
