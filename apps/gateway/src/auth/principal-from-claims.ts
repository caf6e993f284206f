// The claims of a verified token become the principal the gateway authorizes and passes on to the
// services (ARCHITECTURE §6). The issuer must put these claims in the access token:
//   sub             the user id
//   roles           a non-empty list of the product's roles (ROLES)
//   jurisdiction    the 6-digit administrative division code the user belongs to
//   institution_id  UUID of the training institution, required with the role `institution`
//   enterprise_id   UUID of the enterprise, required with the role `enterprise`
// Anything missing or malformed refuses the token: a principal is never half-known.
import { isUuid, JurisdictionCode } from '@jineng/kernel';
import { isRole, ROLES, type Principal, type Role } from '@jineng/messaging';

export interface ClaimProblem {
  readonly claim: string;
  readonly zh: string;
  readonly en: string;
}

export type PrincipalResult =
  { readonly ok: true; readonly principal: Principal } | ({ readonly ok: false } & ClaimProblem);

const problem = (claim: string, zh: string, en: string): PrincipalResult => ({ ok: false, claim, zh, en });

export function principalFromClaims(claims: Readonly<Record<string, unknown>>): PrincipalResult {
  const { sub, roles, jurisdiction, institution_id: institutionId, enterprise_id: enterpriseId } = claims;

  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 255) {
    return problem('sub', 'sub（用户标识）缺失或无效', 'sub (the user id) is missing or invalid');
  }
  if (!Array.isArray(roles) || roles.length === 0) {
    return problem('roles', 'roles（角色）应为非空列表', 'roles must be a non-empty list');
  }
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) {
    return problem(
      'roles',
      `未知角色 ${unknown.map(String).join('、')}（可用：${ROLES.join('、')}）`,
      `unknown role(s) ${unknown.map(String).join(', ')} (known: ${ROLES.join(', ')})`,
    );
  }
  const parsed = typeof jurisdiction === 'string' ? JurisdictionCode.parse(jurisdiction) : undefined;
  if (!parsed?.ok) {
    return problem(
      'jurisdiction',
      `jurisdiction（管辖行政区划）无效${parsed ? `：${parsed.reason.messageZh}` : '或缺失'}`,
      `jurisdiction is ${parsed ? `invalid: ${parsed.reason.messageEn}` : 'missing or not a string'}`,
    );
  }
  const owner = (
    name: 'institution_id' | 'enterprise_id',
    value: unknown,
    role: Role,
  ): PrincipalResult | undefined => {
    if (value === undefined ? roles.includes(role) : !isUuid(value)) {
      return problem(
        name,
        `${name} 应为 UUID${roles.includes(role) ? `（角色 ${role} 必须提供）` : ''}`,
        `${name} must be a UUID${roles.includes(role) ? ` (required with the role ${role})` : ''}`,
      );
    }
    return undefined;
  };
  const bad =
    owner('institution_id', institutionId, 'institution') ??
    owner('enterprise_id', enterpriseId, 'enterprise');
  if (bad) return bad;

  return {
    ok: true,
    principal: {
      userId: sub,
      roles: [...new Set(roles as Role[])],
      jurisdiction: parsed.value.value,
      ...(institutionId === undefined ? {} : { institutionId: (institutionId as string).toLowerCase() }),
      ...(enterpriseId === undefined ? {} : { enterpriseId: (enterpriseId as string).toLowerCase() }),
    },
  };
}
