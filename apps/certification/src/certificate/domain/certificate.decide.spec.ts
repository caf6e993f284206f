import { DeciderSpecification } from '@jineng/testing';
import type { EvaluationBodyFacts } from '../../evaluation-body/domain/evaluation-body';
import { EvaluationBodyNotRecognised } from '../../evaluation-body/domain/evaluation-body.errors';
import type { CertificateKind } from '../../shared/certificate-kinds';
import { expectContracts, metadataAt } from '../../testing/certification.spec-fixture';
import { certificateDecider } from './certificate.decide';
import {
  certificateIdOf,
  certificateNumberOf,
  type CertificateCommand,
  type CertificateIssued,
  type IssueCertificate,
  type TrainingCertificateRuleInForce,
} from './certificate';
import {
  CertificateAlreadyIssued,
  CertificateAlreadyRevoked,
  CertificateNotFound,
  IssueDateOutOfRange,
  ResultNotPassed,
  TrainingCertificateNotAccepted,
} from './certificate.errors';

const spec = DeciderSpecification.for(certificateDecider);
const assessmentId = '0b7e6a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d';
const classId = '1c8f7b2d-3e4a-4b6c-9d0e-1f2a3b4c5d6e';
const institutionId = '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f';
const bodyId = '3e0b9d4f-5a6c-4d8e-9f2a-3b4c5d6e7f80';
const workerId = '4f1c0e5a-6b7d-4e9f-8a3b-4c5d6e7f8091';
const versionId = '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4';
const certificateId = certificateIdOf(assessmentId, workerId);

/** Jiyuan 2021: four kinds not accepted for; the exception for two of them (dated here, to test its day). */
const JIYUAN_RULE: TrainingCertificateRuleInForce = {
  notAcceptedFor: ['qualification', 'skill_level', 'special_operation', 'special_ability'],
  temporaryException: { acceptedFor: ['skill_level', 'special_ability'], until: '2021-12-31' },
  versionId,
};

const body = (kinds: CertificateKind[] = ['training_qualified']): EvaluationBodyFacts => ({
  evaluationBodyId: bodyId,
  name: '济源示范区人力资源和社会保障局',
  kind: 'hr_office',
  jurisdictionCode: '419001',
  recognitions: [{ occupationCode: '6-18-02-04', levels: [4], kinds, validFrom: '2021-01-01' }],
});

const issue = (
  issuedOn: string,
  overrides: Partial<IssueCertificate['data']> = {},
  assessment: Partial<IssueCertificate['data']['assessment']> = {},
  today = '2022-01-10',
): CertificateCommand => ({
  type: 'IssueCertificate',
  data: {
    assessmentId,
    workerId,
    issuedOn,
    certificateId,
    assessment: {
      assessmentId,
      classId,
      institutionId,
      jurisdictionCode: '419001',
      occupationCode: '6-18-02-04',
      level: 4,
      kind: 'training_qualified',
      date: '2021-12-20',
      evaluationBodyId: bodyId,
      outcome: 'passed',
      ...assessment,
    },
    body: body(),
    trainingCertificateRule: JIYUAN_RULE,
    kindsOffered: ['training_qualified'],
    ...overrides,
  },
  metadata: metadataAt(`${today}T10:00:00+08:00`),
});

const issued = (issuedOn: string, extra: Partial<CertificateIssued['data']> = {}): CertificateIssued => ({
  type: 'CertificateIssued.v1',
  data: {
    certificateId,
    certificateNumber: certificateNumberOf(certificateId, '419001', issuedOn),
    workerId,
    classId,
    institutionId,
    jurisdictionCode: '419001',
    occupationCode: '6-18-02-04',
    level: 4,
    kind: 'training_qualified',
    evaluationBodyId: bodyId,
    issuedOn,
    assessmentId,
    ...extra,
  },
});

describe('IssueCertificate', () => {
  it('for a passed result, from a recognised body: a number unique to the certificate', () => {
    const event = issued('2021-12-28');
    spec.given().when(issue('2021-12-28')).then(event);
    expectContracts([event]);
    expect(event.data.certificateNumber).toMatch(/^4190012021[0-9A-HJKMNP-TV-Z]{26}$/);
    const other = certificateIdOf(assessmentId, '5a2d1f6b-7c8e-4f0a-9b4c-5d6e7f8091a2');
    expect(certificateNumberOf(other, '419001', '2021-12-28')).not.toBe(event.data.certificateNumber);
  });

  it('not for a failed, absent or missing result', () => {
    spec
      .given()
      .when(issue('2021-12-28', {}, { outcome: 'failed' }))
      .thenThrows(ResultNotPassed);
    spec
      .given()
      .when(issue('2021-12-28', {}, { outcome: 'absent' }))
      .thenThrows(ResultNotPassed);
    spec
      .given()
      .when(issue('2021-12-28', {}, { outcome: undefined }))
      .thenThrows(ResultNotPassed, (e) => e.details.outcome === 'none');
  });

  it('dated between the assessment and today', () => {
    spec.given().when(issue('2021-12-19')).thenThrows(IssueDateOutOfRange);
    spec.given().when(issue('2022-01-11')).thenThrows(IssueDateOutOfRange);
  });

  it('from a body recognised for the kind of this occupation and level on the issue date', () => {
    spec
      .given()
      .when(issue('2021-12-28', { body: body(['skill_level']) }))
      .thenThrows(EvaluationBodyNotRecognised, (e) => e.details.kind === 'training_qualified');
  });

  it('once per trainee and assessment', () => {
    spec.given(issued('2021-12-28')).when(issue('2021-12-29')).thenThrows(CertificateAlreadyIssued);
  });

  describe('a training-qualified certificate where the occupation leads to a higher kind', () => {
    it('refused where no exception covers the kind (a vocational qualification is to be had)', () => {
      spec
        .given()
        .when(issue('2021-12-28', { kindsOffered: ['training_qualified', 'vocational_qualification'] }))
        .thenThrows(TrainingCertificateNotAccepted, (e) => {
          expect(e.details).toEqual({
            occupationCode: '6-18-02-04',
            level: 4,
            higherKinds: ['vocational_qualification'],
          });
        });
    });

    it("accepted under Jiyuan's exception on its last day, which the event records", () => {
      const event = issued('2021-12-31', {
        exceptionApplied: { insteadOf: ['skill_level'], until: '2021-12-31', policyVersionIds: [versionId] },
      });
      spec
        .given()
        .when(issue('2021-12-31', { kindsOffered: ['skill_level', 'training_qualified'] }))
        .then(event);
      expectContracts([event]);
    });

    it('refused the day after the exception ends', () => {
      spec
        .given()
        .when(issue('2022-01-01', { kindsOffered: ['skill_level', 'training_qualified'] }))
        .thenThrows(TrainingCertificateNotAccepted, (e) => e.details.exceptionUntil === '2021-12-31');
    });

    it('an exception without a date holds while its version is in force', () => {
      const undated = {
        ...JIYUAN_RULE,
        temporaryException: { acceptedFor: JIYUAN_RULE.temporaryException!.acceptedFor },
      };
      spec
        .given()
        .when(issue('2022-01-05', { kindsOffered: ['special_ability'], trainingCertificateRule: undated }))
        .then(
          issued('2022-01-05', {
            exceptionApplied: { insteadOf: ['special_ability'], policyVersionIds: [versionId] },
          }),
        );
    });

    it('accepted as it is where no higher kind is to be had, or where the policy has no such rule', () => {
      spec.given().when(issue('2022-01-05')).then(issued('2022-01-05'));
      spec
        .given()
        .when(
          issue('2022-01-05', { kindsOffered: ['vocational_qualification'], trainingCertificateRule: null }),
        )
        .then(issued('2022-01-05'));
    });
  });

  it('a higher kind itself is never checked against the training-certificate rule', () => {
    spec
      .given()
      .when(
        issue(
          '2022-01-05',
          { body: body(['skill_level']), kindsOffered: ['skill_level'] },
          { kind: 'skill_level' },
        ),
      )
      .then(issued('2022-01-05', { kind: 'skill_level' }));
  });
});

describe('RevokeCertificate', () => {
  const revoke = (reason = '考核舞弊'): CertificateCommand => ({
    type: 'RevokeCertificate',
    data: { certificateId, reason },
    metadata: metadataAt('2022-02-01T10:00:00+08:00'),
  });

  it('with its reason, naming the certificate and its holder', () => {
    const event = {
      type: 'CertificateRevoked.v1' as const,
      data: {
        certificateId,
        certificateNumber: certificateNumberOf(certificateId, '419001', '2021-12-28'),
        workerId,
        classId,
        reason: '考核舞弊',
        revokedBy: 'officer-1',
      },
    };
    spec.given(issued('2021-12-28')).when(revoke()).then(event);
    expectContracts([event]);
  });

  it('not an unknown certificate, nor twice', () => {
    spec.given().when(revoke()).thenThrows(CertificateNotFound);
    spec
      .given(issued('2021-12-28'), {
        type: 'CertificateRevoked.v1',
        data: { certificateId, certificateNumber: 'x', workerId, reason: '考核舞弊', revokedBy: 'officer-1' },
      })
      .when(revoke())
      .thenThrows(CertificateAlreadyRevoked);
  });
});
