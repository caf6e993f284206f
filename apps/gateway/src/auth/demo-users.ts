// The development issuer's users: one per role, in real jurisdictions of the Yuncheng seed
// (山西省 140000 → 运城市 140800 → 盐湖区 140802). Ids are fixed so demo data can refer to them.
import type { Principal, Role } from '@jineng/messaging';

export interface DemoUser {
  /** what `POST /api/v1/dev/tokens` takes: the role name */
  readonly user: Role;
  readonly displayName: string;
  readonly displayNameEn: string;
  readonly principal: Principal;
}

export const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
/**
 * The demo worker is named by their registry id, as an identity provider names a worker (the services
 * scope "my" trainings, certificates and claims to the token's subject). The registry derives a worker's
 * id from the keyed hash of the ID number: this is the id of the demo trainee that scripts/demo/
 * whole-flow.ts (DEMO_TRAINEE) registers and puts in a class, under the published development lookup key.
 */
export const DEMO_WORKER_ID = '9149a218-3492-5998-8495-1c6fc30e8d6f';
export const DEMO_ENTERPRISE_ID = '7d2e4f6a-1b3c-4d5e-8f9a-0b1c2d3e4f5a';

const user = (
  role: Role,
  userId: string,
  jurisdiction: string,
  displayName: string,
  displayNameEn: string,
  owner: { institutionId?: string; enterpriseId?: string } = {},
): DemoUser => ({
  user: role,
  displayName,
  displayNameEn,
  principal: { userId, roles: [role], jurisdiction, ...owner },
});

export const DEMO_USERS: readonly DemoUser[] = [
  user('worker', DEMO_WORKER_ID, '140802', '演示劳动者（盐湖区）', 'demo worker (Yanhu District)'),
  user(
    'institution',
    '0b6e1f2a-0002-4a00-8000-000000000002',
    '140802',
    '演示培训机构经办人（盐湖区）',
    'demo training institution clerk (Yanhu District)',
    { institutionId: DEMO_INSTITUTION_ID },
  ),
  user(
    'enterprise',
    '0b6e1f2a-0003-4a00-8000-000000000003',
    '140802',
    '演示企业经办人（盐湖区）',
    'demo enterprise clerk (Yanhu District)',
    { enterpriseId: DEMO_ENTERPRISE_ID },
  ),
  user(
    'county_officer',
    '0b6e1f2a-0004-4a00-8000-000000000004',
    '140802',
    '盐湖区人社局经办人员（演示）',
    'Yanhu District HR officer (demo)',
  ),
  user(
    'city_approver',
    '0b6e1f2a-0005-4a00-8000-000000000005',
    '140800',
    '运城市人社局复核审批人员（演示）',
    'Yuncheng City HR approver (demo)',
  ),
  user(
    'finance_officer',
    '0b6e1f2a-0006-4a00-8000-000000000006',
    '140800',
    '运城市财政局专户管理人员（演示）',
    'Yuncheng City finance officer (demo)',
  ),
  user(
    'auditor',
    '0b6e1f2a-0007-4a00-8000-000000000007',
    '140000',
    '山西省审计人员（演示）',
    'Shanxi Province auditor (demo)',
  ),
  user(
    'admin',
    '0b6e1f2a-0008-4a00-8000-000000000008',
    '140000',
    '山西省平台管理员（演示）',
    'Shanxi Province platform admin (demo)',
  ),
];

export function demoUser(name: string): DemoUser | undefined {
  return DEMO_USERS.find((demo) => demo.user === name);
}
