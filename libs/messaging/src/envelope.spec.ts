import { jsonSchemaOf } from '@jineng/contracts';
import { ROLES, isRole } from './envelope';

describe('roles', () => {
  it('are exactly the values the Principal contract allows', () => {
    const roles = (
      jsonSchemaOf('jineng.common.v1.Principal') as { properties: { roles: { items: { enum: string[] } } } }
    ).properties.roles.items.enum;
    expect([...ROLES].sort()).toEqual([...roles].sort());
  });

  it('are recognised, and nothing else is', () => {
    expect(isRole('county_officer')).toBe(true);
    expect(isRole('County_Officer')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
