import { jsonSchemaOf } from '@jineng/contracts';
import { ANONYMOUS_ROLE, ROLES, isPrincipalRole, isRole } from './envelope';

describe('roles', () => {
  it('are exactly the values the Principal contract allows, with the anonymous role beside them', () => {
    const roles = (
      jsonSchemaOf('jineng.common.v1.Principal') as { properties: { roles: { items: { enum: string[] } } } }
    ).properties.roles.items.enum;
    expect([...ROLES, ANONYMOUS_ROLE].sort()).toEqual([...roles].sort());
  });

  it('the anonymous role is a principal’s, never a product role a route or a token grants', () => {
    expect(isRole(ANONYMOUS_ROLE)).toBe(false);
    expect(isPrincipalRole(ANONYMOUS_ROLE)).toBe(true);
    expect(isPrincipalRole('county_officer')).toBe(true);
    expect(isPrincipalRole('nobody')).toBe(false);
  });

  it('are recognised, and nothing else is', () => {
    expect(isRole('county_officer')).toBe(true);
    expect(isRole('County_Officer')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
