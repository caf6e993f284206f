import { parameterInForce, versionsInForce, type KnownPolicyVersion } from './policy-resolution';

const version = (
  v: Partial<KnownPolicyVersion> & Pick<KnownPolicyVersion, 'versionId' | 'jurisdiction'>,
): KnownPolicyVersion => ({
  effectiveFrom: '2021-01-01',
  publishedAt: '2021-01-01T00:00:00.000Z',
  parameters: {},
  ...v,
});

const HENAN = version({
  versionId: '00000000-0000-4000-8000-000000000001',
  jurisdiction: '410000',
  parameters: { assessment: { applicationLeadDays: 5, offlineOnly: true } },
});
const JIYUAN = version({
  versionId: '00000000-0000-4000-8000-000000000002',
  jurisdiction: '419001',
  effectiveFrom: '2021-03-01',
  effectiveUntil: '2021-12-31',
  parameters: { assessment: { applicationLeadDays: 3 } },
});

it('a parameter comes from the nearest level whose version in force sets it', () => {
  expect(
    parameterInForce([HENAN, JIYUAN], '419001', '2021-06-01', 'assessment', 'applicationLeadDays'),
  ).toEqual({
    value: 3,
    versionId: JIYUAN.versionId,
  });
  expect(parameterInForce([HENAN, JIYUAN], '419001', '2021-06-01', 'assessment', 'offlineOnly')).toEqual({
    value: true,
    versionId: HENAN.versionId,
  });
});

it('before a version starts and after it ends, the level above answers; a parameter nobody sets is not set', () => {
  expect(
    parameterInForce([HENAN, JIYUAN], '419001', '2021-02-28', 'assessment', 'applicationLeadDays')?.value,
  ).toBe(5);
  expect(
    parameterInForce([HENAN, JIYUAN], '419001', '2021-12-31', 'assessment', 'applicationLeadDays')?.value,
  ).toBe(3);
  expect(
    parameterInForce([HENAN, JIYUAN], '419001', '2022-01-01', 'assessment', 'applicationLeadDays')?.value,
  ).toBe(5);
  expect(
    parameterInForce([JIYUAN], '419001', '2021-06-01', 'institutionQuality', 'minSatisfaction'),
  ).toBeUndefined();
});

it('a later version supersedes an earlier one of its level whole, from its own date', () => {
  const later = version({
    versionId: '00000000-0000-4000-8000-000000000003',
    jurisdiction: '419001',
    effectiveFrom: '2021-07-01',
    parameters: {},
  });
  expect(versionsInForce([HENAN, JIYUAN, later], '419001', '2021-07-01').map((v) => v.versionId)).toEqual([
    later.versionId,
    HENAN.versionId,
  ]);
  expect(
    parameterInForce([HENAN, JIYUAN, later], '419001', '2021-07-01', 'assessment', 'applicationLeadDays')
      ?.value,
  ).toBe(5);
});
