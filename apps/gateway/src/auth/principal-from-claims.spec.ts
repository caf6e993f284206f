import { principalFromClaims } from './principal-from-claims';

const INSTITUTION = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ENTERPRISE = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const officer = { sub: 'u-1', roles: ['county_officer'], jurisdiction: '140802' };

describe('principalFromClaims', () => {
  it('maps sub, roles and jurisdiction', () => {
    expect(principalFromClaims({ ...officer, iss: 'x', exp: 1 })).toEqual({
      ok: true,
      principal: { userId: 'u-1', roles: ['county_officer'], jurisdiction: '140802' },
    });
  });

  it('maps the institution and enterprise ids (lower case), and drops repeated roles', () => {
    expect(
      principalFromClaims({
        sub: 'u-2',
        roles: ['institution', 'institution'],
        jurisdiction: '140802',
        institution_id: INSTITUTION.toUpperCase(),
      }),
    ).toEqual({
      ok: true,
      principal: {
        userId: 'u-2',
        roles: ['institution'],
        jurisdiction: '140802',
        institutionId: INSTITUTION,
      },
    });
    expect(
      principalFromClaims({
        sub: 'u-3',
        roles: ['enterprise'],
        jurisdiction: '140800',
        enterprise_id: ENTERPRISE,
      }),
    ).toMatchObject({ ok: true, principal: { enterpriseId: ENTERPRISE } });
  });

  it.each([
    ['sub', { ...officer, sub: undefined }],
    ['sub', { ...officer, sub: '  ' }],
    ['roles', { ...officer, roles: undefined }],
    ['roles', { ...officer, roles: [] }],
    ['roles', { ...officer, roles: 'county_officer' }],
    ['roles', { ...officer, roles: ['county_officer', 'superuser'] }],
    ['jurisdiction', { ...officer, jurisdiction: undefined }],
    ['jurisdiction', { ...officer, jurisdiction: 140802 }],
    ['jurisdiction', { ...officer, jurisdiction: '14080' }],
    ['jurisdiction', { ...officer, jurisdiction: '990000' }],
    ['institution_id', { ...officer, roles: ['institution'] }],
    ['institution_id', { ...officer, institution_id: 'inst-1' }],
    ['enterprise_id', { ...officer, roles: ['enterprise'] }],
  ])('refuses a token whose %s claim is missing or invalid', (claim, claims) => {
    const result = principalFromClaims(claims);
    expect(result).toMatchObject({ ok: false, claim, zh: expect.any(String), en: expect.any(String) });
  });

  it('says why, in Chinese and English', () => {
    expect(principalFromClaims({ ...officer, roles: ['superuser'] })).toEqual({
      ok: false,
      claim: 'roles',
      zh: expect.stringContaining('未知角色 superuser'),
      en: expect.stringContaining('unknown role(s) superuser'),
    });
    expect(principalFromClaims({ ...officer, jurisdiction: '990000' })).toMatchObject({
      en: expect.stringContaining('the first two digits are not a province code'),
    });
  });
});
