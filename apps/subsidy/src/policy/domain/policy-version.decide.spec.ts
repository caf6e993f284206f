import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import type { DraftPolicyVersion, PublishPolicyVersion, UpdateDraft } from './policy-version.commands';
import { policyVersionDecider } from './policy-version.decide';
import {
  EffectiveDateInPast,
  ForeignJurisdiction,
  InvalidPolicyParameters,
  PolicyAdminRequired,
  PolicyRevisionMismatch,
  PolicyVersionAlreadyExists,
  PolicyVersionNotFound,
  PublishedVersionImmutable,
  UnknownJurisdiction,
} from '@jineng/subsidy-computation';
import type {
  PolicyVersionDrafted,
  PolicyVersionDraftUpdated,
  PolicyVersionPublished,
} from './policy-version.events';

const spec = DeciderSpecification.for(policyVersionDecider);
const versionId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const NOW = '2025-06-01T02:00:00.000Z'; // 10:00 in Shanghai, 2025-06-01

/** Who asks: an admin of 山西省 unless a test says otherwise. */
interface Asker {
  readonly roles?: string[];
  readonly jurisdiction?: string;
  readonly now?: string;
}

const metadata = (asker: Asker): CommandMetadata => ({
  commandId: '0e6c1b2a-3d4f-4a5b-8c6d-7e8f9a0b1c2d',
  actor: { userId: 'admin-sx', roles: asker.roles ?? ['admin'] },
  // the command acts in the version's jurisdiction
  jurisdiction: '140800',
  now: asker.now ?? NOW,
  correlationId: 'corr-1',
});
const by = (asker: Asker = {}) => ({ actorJurisdiction: asker.jurisdiction ?? '140000' });

const content = {
  jurisdiction: '140800',
  effectiveFrom: '2025-07-01',
  title: '运城市职业技能提升政策（测试）',
  document: { title: '关于职业技能提升的通知', issuer: '运城市人民政府', number: '运政发〔2025〕1号' },
  parameters: { classOpening: { maxClassSize: 50, minPracticalShare: 0.65 } },
  targets: [],
  assumptions: [],
  clauses: [],
};

const draftCommand = (
  over: Partial<DraftPolicyVersion['data']> = {},
  asker: Asker = {},
): DraftPolicyVersion => ({
  type: 'DraftPolicyVersion',
  data: { versionId, ...content, ...over, ...by(asker) },
  metadata: metadata(asker),
});
const update = (
  data: Omit<UpdateDraft['data'], 'versionId' | 'actorJurisdiction'>,
  asker: Asker = {},
): UpdateDraft => ({
  type: 'UpdateDraft',
  data: { versionId, ...data, ...by(asker) },
  metadata: metadata(asker),
});
const publish = (
  data: Omit<PublishPolicyVersion['data'], 'versionId' | 'actorJurisdiction'> = {},
  asker: Asker = {},
): PublishPolicyVersion => ({
  type: 'PublishPolicyVersion',
  data: { versionId, ...data, ...by(asker) },
  metadata: metadata(asker),
});

const drafted: PolicyVersionDrafted = {
  type: 'PolicyVersionDrafted.v1',
  data: { versionId, ...content, revision: 1, draftedAt: NOW },
};
const updated: PolicyVersionDraftUpdated = {
  type: 'PolicyVersionDraftUpdated.v1',
  data: { versionId, ...content, title: '运城市职业技能提升政策', revision: 2, changed: ['title'] },
};
const published: PolicyVersionPublished = {
  type: 'PolicyVersionPublished.v1',
  data: {
    versionId,
    ...content,
    title: '运城市职业技能提升政策',
    revision: 2,
    publishedAt: NOW,
    publishedBy: 'admin-sx',
  },
};

describe('drafting a policy version', () => {
  it('records the draft at revision 1', () => {
    spec.given().when(draftCommand()).then(drafted);
  });

  it('starts with nothing set when no parameters are given', () => {
    spec
      .given()
      .when(draftCommand({ parameters: undefined, targets: undefined }))
      .then({ ...drafted, data: { ...drafted.data, parameters: {}, targets: [] } });
  });

  it('is for admins only', () => {
    spec
      .given()
      .when(draftCommand({}, { roles: ['county_officer'] }))
      .thenThrows(PolicyAdminRequired, (e) => e.details.roles[0] === 'county_officer');
  });

  it("is for the admin's jurisdiction or below", () => {
    spec
      .given()
      .when(draftCommand({}, { jurisdiction: '450000' }))
      .thenThrows(
        ForeignJurisdiction,
        (e) => e.details.jurisdiction === '140800' && e.details.actorJurisdiction === '450000',
      );
  });

  it('is for a jurisdiction the platform knows', () => {
    spec
      .given()
      .when(draftCommand({ jurisdiction: '140900' }))
      .thenThrows(UnknownJurisdiction);
  });

  it('happens once per version id', () => {
    spec.given(drafted).when(draftCommand()).thenThrows(PolicyVersionAlreadyExists);
  });

  it('refuses content that breaks a rule, naming the path of each broken parameter', () => {
    const error = spec
      .given()
      .when(
        draftCommand({
          parameters: {
            subsidies: {
              perDayTraining: {
                tiers: [
                  { fromDay: 1, toDay: 10, amountFen: 15_000 },
                  { fromDay: 8, toDay: 15, amountFen: 10_000 },
                ],
              },
              tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.3, employmentWithinMonths: 3 },
            },
          },
        }),
      )
      .thenThrows(InvalidPolicyParameters);
    expect(error.code).toBe('POLICY.INVALID_PARAMETERS');
    expect(error.details.violations.map((v) => v.path)).toEqual([
      'parameters.subsidies.perDayTraining.tiers[1].fromDay',
      'parameters.subsidies.tranches.onEmploymentShare',
    ]);
    expect(error.messageZh).toContain('本档应从第 11 天开始，实际从第 8 天开始');
  });
});

describe('how a version reads its document', () => {
  const reading = {
    effectiveUntil: '2026-12-31',
    assumptions: [
      { about: 'effectiveFrom', assumed: '2025-07-01', reason: '文件未载明施行日期，按印发次月起施行' },
    ],
    clauses: [
      { parameter: 'classOpening.maxClassSize', quotes: ['每班人数不得超过50人'] },
      { parameter: 'subsidies.skillEvaluation', quotes: ['落实职业技能鉴定补贴政策'] },
    ],
  };

  it('records its window, its assumptions and its quoted clauses with the draft', () => {
    spec
      .given()
      .when(draftCommand(reading))
      .then({ ...drafted, data: { ...drafted.data, ...reading } });
  });

  it('refuses an end before the start, an assumption about what it does not have, an unknown or doubled clause', () => {
    const error = spec
      .given()
      .when(
        draftCommand({
          effectiveUntil: '2025-06-30',
          assumptions: [
            { about: 'effectiveFrom', assumed: '2025-08-01', reason: '…' },
            { about: 'classOpening.minLessonMinutes', assumed: '40', reason: '…' },
            { about: 'effectiveUntil', assumed: '2025-06-30', reason: '…' },
          ],
          clauses: [
            { parameter: 'classOpening.maxClasSize', quotes: ['…'] },
            { parameter: 'classOpening.maxClassSize', quotes: ['…'] },
            { parameter: 'classOpening.maxClassSize', quotes: ['…'] },
          ],
        }),
      )
      .thenThrows(InvalidPolicyParameters);
    expect(error.details.violations.map((v) => v.path)).toEqual([
      'effectiveUntil',
      'assumptions[0].assumed',
      'assumptions[1].about',
      'clauses[0].parameter',
      'clauses[2].parameter',
    ]);
  });

  it('changes its end date in an update, naming it', () => {
    spec
      .given(drafted)
      .when(update({ effectiveUntil: '2027-12-31' }))
      .then({
        type: 'PolicyVersionDraftUpdated.v1',
        data: {
          versionId,
          ...content,
          effectiveUntil: '2027-12-31',
          revision: 2,
          changed: ['effectiveUntil'],
        },
      });
  });

  it('folds an event written before the window, assumptions and clauses existed as having none', () => {
    const { assumptions: _a, clauses: _c, ...older } = drafted.data;
    spec
      .given({ ...drafted, data: older })
      .when(publish({}, {}))
      .then({ ...published, data: { ...published.data, title: content.title, revision: 1 } });
  });
});

describe('updating a draft', () => {
  it('records the whole draft after the change, one revision up, naming what changed', () => {
    spec
      .given(drafted)
      .when(update({ title: '运城市职业技能提升政策' }))
      .then(updated);
  });

  it('replaces the parameters as a whole', () => {
    spec
      .given(drafted)
      .when(update({ parameters: { claims: { reviewWorkingDays: 7 } } }))
      .then({
        type: 'PolicyVersionDraftUpdated.v1',
        data: {
          versionId,
          ...content,
          parameters: { claims: { reviewWorkingDays: 7 } },
          revision: 2,
          changed: ['parameters'],
        },
      });
  });

  it('records nothing when nothing changes', () => {
    spec
      .given(drafted)
      .when(update({ title: content.title, parameters: content.parameters }))
      .thenNothingHappened();
  });

  it('needs the draft to exist', () => {
    spec
      .given()
      .when(update({ title: 'x' }))
      .thenThrows(PolicyVersionNotFound);
  });

  it('refuses a stale revision', () => {
    spec
      .given(drafted, updated)
      .when(update({ title: 'x', expectedRevision: 1 }))
      .thenThrows(PolicyRevisionMismatch, (e) => e.details.expected === 1 && e.details.actual === 2);
  });

  it('is refused once the version is published: a published version is immutable', () => {
    const error = spec
      .given(drafted, updated, published)
      .when(update({ parameters: { classOpening: { maxClassSize: 60 } } }))
      .thenThrows(PublishedVersionImmutable);
    expect(error.code).toBe('POLICY.PUBLISHED_VERSION_IMMUTABLE');
    expect(error.category).toBe('illegal_state');
    expect(error.messageZh).toContain('已发布的版本不可修改');
  });

  it("is refused to an admin of another jurisdiction, even a neighbouring city's", () => {
    spec
      .given(drafted)
      .when(update({ title: 'x' }, { jurisdiction: '140500' }))
      .thenThrows(ForeignJurisdiction);
  });
});

describe('publishing', () => {
  it('records the whole version, who published it and when', () => {
    spec.given(drafted, updated).when(publish()).then(published);
  });

  it('happens once: publishing again is refused', () => {
    spec
      .given(drafted, published)
      .when(publish())
      .thenThrows(PublishedVersionImmutable, (e) => e.details.attempted === 'publish');
  });

  it('refuses an effective date already past without a reason', () => {
    spec
      .given({ ...drafted, data: { ...drafted.data, effectiveFrom: '2025-05-31' } })
      .when(publish())
      .thenThrows(
        EffectiveDateInPast,
        (e) => e.details.today === '2025-06-01' && e.details.effectiveFrom === '2025-05-31',
      );
  });

  it('takes today as not past, in Asia/Shanghai', () => {
    // 2025-05-31T16:30Z is already 2025-06-01 in Shanghai
    spec
      .given({ ...drafted, data: { ...drafted.data, effectiveFrom: '2025-06-01' } })
      .when(publish({}, { now: '2025-05-31T16:30:00.000Z' }))
      .then({
        type: 'PolicyVersionPublished.v1',
        data: {
          versionId,
          ...content,
          effectiveFrom: '2025-06-01',
          revision: 1,
          publishedAt: '2025-05-31T16:30:00.000Z',
          publishedBy: 'admin-sx',
        },
      });
  });

  it('records the reason of a past effective date', () => {
    spec
      .given({ ...drafted, data: { ...drafted.data, effectiveFrom: '2018-03-29' } })
      .when(publish({ pastEffectiveReason: '补录 2018 年文件' }))
      .then({
        type: 'PolicyVersionPublished.v1',
        data: {
          versionId,
          ...content,
          effectiveFrom: '2018-03-29',
          revision: 1,
          publishedAt: NOW,
          publishedBy: 'admin-sx',
          pastEffectiveReason: '补录 2018 年文件',
        },
      });
  });

  it('needs an admin of the jurisdiction', () => {
    spec
      .given(drafted)
      .when(publish({}, { roles: ['city_approver'], jurisdiction: '140800' }))
      .thenThrows(PolicyAdminRequired);
  });

  it('at the revision the publisher saw', () => {
    spec
      .given(drafted, updated)
      .when(publish({ expectedRevision: 1 }))
      .thenThrows(PolicyRevisionMismatch);
  });
});
