// The certification service as it runs, on real PostgreSQL and NATS: class-ops' and subsidy's events
// published on the bus as those services publish them (class-ops is built beside this service: its
// events carry the fields of docs/contracts.md), commands over NATS signed as the gateway signs them,
// the service's own events on JetStream as their contracts say.
import { randomUUID } from 'node:crypto';
import type { certificationV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import { eventually } from '@jineng/testing';
import writeXlsxFile from 'write-excel-file/node';
import { certificateIdOf } from './certificate/domain/certificate';
import { CertificationTestService, expectContract, rejection } from './testing/certification-service.fixture';

let service: CertificationTestService;

const JIYUAN = '419001';
const INSTITUTION = '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f';
const OTHER_INSTITUTION = '9e6b5d0f-1a2c-4d4e-8f8a-91a2b3c4d5e6';
const CLASS_A = '1c8f7b2d-3e4a-4b6c-9d0e-1f2a3b4c5d6e';
const CLASS_B = 'ad7c6e1a-2b3d-4e5f-9a9b-a2b3c4d5e6f7';
const CLASS_C = 'be8d7f2b-3c4e-4f6a-8bac-b3c4d5e6f708';
const [W1, W2, W3, W4] = [
  '4f1c0e5a-6b7d-4e9f-8a3b-4c5d6e7f8091',
  '5a2d1f6b-7c8e-4f0a-9b4c-5d6e7f8091a2',
  '6b3e2a7c-8d9f-4a1b-8c5d-6e7f8091a2b3',
  '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4',
];
const HR_OFFICE = '3e0b9d4f-5a6c-4d8e-9f2a-3b4c5d6e7f80';
const SOCIAL_ORG = '8d5a4c9e-0f1b-4c3d-8e7f-8091a2b3c4d5';
const POLICY = 'cf9e8a3c-4d5f-4a7b-9cbd-c4d5e6f70819';
const [ASSESSMENT_A, ASSESSMENT_C] = [
  '0b7e6a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d',
  'd0af9b4d-5e6a-4b8c-8dce-d5e6f708192a',
];

const officer: Principal = { userId: 'officer-419001', roles: ['county_officer'], jurisdiction: JIYUAN };
const institution = (institutionId = INSTITUTION): Principal => ({
  userId: `inst-${institutionId.slice(0, 4)}`,
  roles: ['institution'],
  jurisdiction: JIYUAN,
  institutionId,
});
/** the gateway's principal for public queries without a token (apps/gateway routing/authorize.ts) */
const ANONYMOUS: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '110000' };
const foreignOfficer: Principal = {
  userId: 'officer-140802',
  roles: ['county_officer'],
  jurisdiction: '140802',
};

const at = (date: string) => `${date}T09:00:00+08:00`;

const classApproved = (classId: string, occupationCode: string, workerIds: string[]) => ({
  classId,
  institutionId: INSTITUTION,
  jurisdictionCode: JIYUAN,
  occupationCode,
  level: 4,
  trainingType: 'skill_upgrade',
  startDate: '2026-11-02',
  endDate: '2026-11-30',
  totalHours: 120,
  theoryHours: 40,
  practicalHours: 80,
  mode: 'self_run',
  keyGroup: false,
  fundSource: 'unemployment_insurance',
  plannedHeadcount: workerIds.length,
  workerIds,
  policyVersionIds: [POLICY],
  approvedBy: 'approver-1',
});

beforeAll(async () => {
  service = await CertificationTestService.start('certification_service', at('2026-11-20'));
  // the policy of Jiyuan 2021 as subsidy publishes it (assessment parameters of the seed), read forward
  await service.publish('subsidy', `policy-version-${POLICY}`, 'PolicyVersionPublished.v1', {
    versionId: POLICY,
    jurisdiction: JIYUAN,
    effectiveFrom: '2021-01-01',
    title: '济源示范区职业技能提升行动',
    revision: 1,
    publishedAt: '2021-01-01T00:00:00.000Z',
    publishedBy: 'admin-1',
    targets: [],
    document: {},
    parameters: {
      assessment: {
        applicationLeadDays: 3,
        offlineOnly: true,
        hrOfficeSetsTrainingCertificateExams: true,
        ownEvaluationBody: { minStaff: 300, deadline: '2021-12-31' },
        trainingCertificate: {
          notAcceptedFor: ['qualification', 'skill_level', 'special_operation', 'special_ability'],
          temporaryException: { acceptedFor: ['skill_level', 'special_ability'] },
        },
      },
    },
  });
  await service.publish(
    'class-ops',
    `class-${CLASS_A}`,
    'ClassApproved.v1',
    classApproved(CLASS_A, '6-18-02-04', [W1, W2]),
  );
  await service.publish('class-ops', `class-${CLASS_A}`, 'RosterAmended.v1', {
    classId: CLASS_A,
    workerIds: [W1, W2, W3],
    addedWorkerIds: [W3],
    removedWorkerIds: [],
  });
  await service.publish(
    'class-ops',
    `class-${CLASS_B}`,
    'ClassApproved.v1',
    classApproved(CLASS_B, '6-18-02-04', [W4]),
  );
  await service.publish('class-ops', `class-${CLASS_B}`, 'ClassCancelled.v1', {
    classId: CLASS_B,
    institutionId: INSTITUTION,
    jurisdictionCode: JIYUAN,
    reasonCode: 'OPENING_DAY_PRESENCE',
    figures: { presentCount: 0, plannedHeadcount: 1, requiredShare: '0.8' },
  });
  await service.publish(
    'class-ops',
    `class-${CLASS_C}`,
    'ClassApproved.v1',
    classApproved(CLASS_C, '4-03-02-01', [W4]),
  );
  // the registry's worker, masked as the registry masks names (personal data never in clear)
  await service.publish('registry', `worker-${W3}`, 'WorkerRegistered.v1', {
    workerId: W3,
    idNumberHash: 'c'.repeat(64),
    idNumberMasked: '4190**********0318',
    nameMasked: '王*明',
    gender: 'male',
    jurisdiction: JIYUAN,
    hukouJurisdiction: JIYUAN,
    residenceJurisdiction: JIYUAN,
    education: 'senior_high',
    category: 'rural_labour',
    keyGroups: [],
    ableToWork: true,
    willingToWork: true,
    registeredOn: '2026-10-10',
  });
}, 60_000);

afterAll(async () => {
  await service?.dispose();
});

const apply = (
  who: Principal,
  classId: string,
  assessmentId: string,
  certificateKind: string,
  commandId?: string,
) =>
  service.command<certificationV1.CommandAccepted>(
    'ApplyForAssessment',
    who,
    { assessmentId, classId, certificateKind },
    commandId,
  );

it('evaluation bodies: the HR office for training-qualified exams, a social organisation for a qualification', async () => {
  const hr = await service.command<certificationV1.CommandAccepted>('RecogniseEvaluationBody', officer, {
    evaluationBodyId: HR_OFFICE,
    name: '济源示范区人力资源和社会保障局',
    kind: 'hr_office',
    jurisdictionCode: JIYUAN,
    recognitions: [
      {
        occupationCode: '6-18-02-04',
        levels: [4, 5],
        kinds: ['training_qualified'],
        validFrom: '2021-01-01',
      },
      { occupationCode: '4-03-02-01', levels: [4], kinds: ['training_qualified'], validFrom: '2021-01-01' },
    ],
  });
  expectContract('jineng.certification.v1.CommandAccepted', hr);
  expect(hr).toEqual({
    id: HR_OFFICE,
    version: 1,
    events: ['EvaluationBodyRecognised.v1'],
    idempotent: false,
  });
  // occupation 4-03-02-01 leads to a vocational qualification: a body certifies it
  await service.command('RecogniseEvaluationBody', officer, {
    evaluationBodyId: SOCIAL_ORG,
    name: '济源市职业技能鉴定所',
    kind: 'social_organisation',
    jurisdictionCode: JIYUAN,
    recognitions: [
      {
        occupationCode: '4-03-02-01',
        levels: [4],
        kinds: ['vocational_qualification'],
        validFrom: '2021-01-01',
      },
    ],
  });
  // an officer of another jurisdiction records nothing here
  const foreign = await rejection(
    service.command('RecogniseEvaluationBody', foreignOfficer, {
      evaluationBodyId: 'e1b0ac5e-6f7b-4c9d-8edf-e6f708192a3b',
      name: 'x',
      kind: 'social_organisation',
      jurisdictionCode: JIYUAN,
      recognitions: [
        { occupationCode: '4-03-02-01', levels: [4], kinds: ['skill_level'], validFrom: '2021-01-01' },
      ],
    }),
  );
  expect(foreign.code).toBe('CERTIFICATION.FOREIGN_JURISDICTION');
});

it('bad input: 400 with the field and the reason, nothing changed', async () => {
  const bad = await rejection(apply(institution(), 'not-a-uuid', ASSESSMENT_A, 'diploma'));
  expect(bad.category).toBe('validation');
  expect(JSON.stringify(bad.details)).toContain('classId');
  expect(JSON.stringify(bad.details)).toContain('certificateKind');
});

it('applying for an assessment: a cancelled class, another institution, too late, then in time', async () => {
  // the class-ops events reach the local read model
  await eventually(async () => {
    const cancelled = await rejection(
      apply(institution(), CLASS_B, 'f2c1bd6f-7a8c-4dae-9fe0-f708192a3b4c', 'training_qualified'),
    );
    expect(cancelled.code).toBe('CERTIFICATION.CLASS_NOT_RUNNING');
  });
  const foreign = await rejection(
    apply(institution(OTHER_INSTITUTION), CLASS_A, ASSESSMENT_A, 'training_qualified'),
  );
  expect(foreign.code).toBe('CERTIFICATION.FOREIGN_INSTITUTION');

  // class A ends on 2026-11-30: three days before is 2026-11-27
  await service.setClock(at('2026-11-28'));
  const late = await rejection(apply(institution(), CLASS_A, ASSESSMENT_A, 'training_qualified'));
  expect([late.code, late.details]).toEqual([
    'CERTIFICATION.ASSESSMENT_APPLICATION_TOO_LATE',
    { classEndDate: '2026-11-30', leadDays: 3, latest: '2026-11-27', today: '2026-11-28' },
  ]);
  expect(late.messageZh).toContain('结业前 3 天');

  await service.setClock(at('2026-11-27'));
  const commandId = '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d';
  const accepted = await apply(institution(), CLASS_A, ASSESSMENT_A, 'training_qualified', commandId);
  expect(accepted).toEqual({
    id: ASSESSMENT_A,
    version: 1,
    events: ['AssessmentApplied.v1'],
    idempotent: false,
  });
  // the same request again: the first answer; the same id for another request: refused
  expect(await apply(institution(), CLASS_A, ASSESSMENT_A, 'training_qualified', commandId)).toEqual({
    ...accepted,
    idempotent: true,
  });
  const reused = await rejection(apply(institution(), CLASS_A, ASSESSMENT_A, 'skill_level', commandId));
  expect(reused.code).toBe('COMMAND.ID_REUSED');
  await apply(institution(), CLASS_C, ASSESSMENT_C, 'training_qualified');
});

it('scheduling: the HR office sets training-qualified exams, with its question set', async () => {
  const schedule = (assessmentId: string, extra: object = {}) =>
    service.command<certificationV1.CommandAccepted>('ScheduleAssessment', officer, {
      assessmentId,
      date: '2026-12-01',
      place: '济源技师学院实训楼',
      assessorIds: ['assessor-1', 'assessor-2'],
      evaluationBodyId: HR_OFFICE,
      ...extra,
    });
  const missing = await rejection(schedule(ASSESSMENT_A));
  expect(missing.code).toBe('CERTIFICATION.HR_OFFICE_QUESTION_SET_REQUIRED');
  const institutionTries = await rejection(
    service.command('ScheduleAssessment', institution(), {
      assessmentId: ASSESSMENT_A,
      date: '2026-12-01',
      place: 'x',
      assessorIds: ['a'],
      evaluationBodyId: HR_OFFICE,
    }),
  );
  expect(institutionTries.code).toBe('CERTIFICATION.ROLE_NOT_ALLOWED');
  await schedule(ASSESSMENT_A, { questionSetReference: '济人社考〔2026〕12号' });
  await schedule(ASSESSMENT_C, { questionSetReference: '济人社考〔2026〕13号' });
  const view = await service.query<certificationV1.Assessment>('GetAssessment', institution(), {
    assessmentId: ASSESSMENT_A,
  });
  expectContract('jineng.certification.v1.Assessment', view);
  expect(view).toMatchObject({
    status: 'scheduled',
    schedule: { date: '2026-12-01', evaluationBodyId: HR_OFFICE },
  });
});

it('results per trainee on the roster (amendments included), on the assessment day', async () => {
  const record = (results: object[], extra: object = {}) =>
    service.command<certificationV1.CommandAccepted>('RecordResults', officer, {
      assessmentId: ASSESSMENT_A,
      results,
      ...extra,
    });
  const early = await rejection(record([{ workerId: W1, outcome: 'absent' }]));
  expect(early.code).toBe('CERTIFICATION.RESULTS_BEFORE_ASSESSMENT');
  await service.setClock(at('2026-12-01'));
  const stranger = await rejection(record([{ workerId: W4, outcome: 'absent' }]));
  expect(stranger.code).toBe('CERTIFICATION.TRAINEE_NOT_ON_ROSTER');
  await record([
    { workerId: W1, theoryScore: 52, practicalScore: 58, outcome: 'failed' },
    { workerId: W2, outcome: 'absent' },
    { workerId: W3, theoryScore: 86, practicalScore: 91, outcome: 'passed' },
  ]);
  const event = await eventually(async () => {
    const found = await service.lastPublished('AssessmentResultsRecorded.v1');
    expect(found?.data.assessmentId).toBe(ASSESSMENT_A);
    return found!;
  });
  expectContract('jineng.certification.v1.AssessmentResultsRecorded', event.data);
  expect(event.data).toMatchObject({
    classId: CLASS_A,
    institutionId: INSTITUTION,
    jurisdictionCode: JIYUAN,
    occupationCode: '6-18-02-04',
    level: 4,
    certificateKind: 'training_qualified',
  });
  // a correction needs its reason
  const correction = await rejection(
    record([{ workerId: W1, theoryScore: 62, practicalScore: 60, outcome: 'passed' }]),
  );
  expect(correction.code).toBe('CERTIFICATION.CORRECTION_REASON_REQUIRED');
  await service.command('RecordResults', officer, {
    assessmentId: ASSESSMENT_C,
    results: [{ workerId: W4, theoryScore: 80, practicalScore: 80, outcome: 'passed' }],
  });
});

it('results by sheet: each row judged by the rules of RecordResults, a per-row report, the same sheet again changes nothing', async () => {
  const title = (value: string) => ({ value, type: String });
  const sheet = await writeXlsxFile([
    [title('工人编号'), title('理论成绩'), title('实操成绩'), title('考核结果')],
    [title(W1), { value: 52, type: Number }, { value: 58, type: Number }, title('不合格')],
    [title(W2), { value: 70, type: Number }, { value: 65, type: Number }, title('failed')],
    [title(W4), { value: 80, type: Number }, { value: 80, type: Number }, title('passed')],
    [title(W3), { value: 86, type: Number }, { value: 91, type: Number }, title('合格')],
    [title('not-an-id'), { value: 101, type: Number }, null, title('maybe')],
    [title(W2), null, null, title('缺考')],
  ] as never).toBuffer();
  const upload = (extra: object = {}) =>
    service.command<certificationV1.ResultsSheetReport>('RecordResultsSheet', officer, {
      assessmentId: ASSESSMENT_A,
      fileName: '成绩表.xlsx',
      contentBase64: sheet.toString('base64'),
      ...extra,
    });
  // W2 was absent: a score now is a correction, which needs its reason — that row alone is refused
  const unexplained = await upload();
  expectContract('jineng.certification.v1.ResultsSheetReport', unexplained);
  expect(unexplained.rows[1]).toMatchObject({
    row: 3,
    outcome: 'rejected',
    problems: [{ code: 'CERTIFICATION.CORRECTION_REASON_REQUIRED' }],
  });
  expect(unexplained.recorded).toBe(0);

  const report = await upload({ correctionReason: '缺考登记有误，学员实际参加考核' });
  expectContract('jineng.certification.v1.ResultsSheetReport', report);
  expect(report).toMatchObject({ assessmentId: ASSESSMENT_A, recorded: 1, unchanged: 2, rejected: 3 });
  const codes = (row: certificationV1.ResultsSheetRow) => row.problems.map((p) => p.code);
  expect(report.rows.map((row) => [row.row, row.outcome, row.workerId ?? null, codes(row)])).toEqual([
    [2, 'unchanged', W1, []],
    [3, 'recorded', W2, []],
    [4, 'rejected', W4, ['CERTIFICATION.TRAINEE_NOT_ON_ROSTER']],
    [5, 'unchanged', W3, []],
    [
      6,
      'rejected',
      null,
      [
        'CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
        'CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
        'CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
      ],
    ],
    [7, 'rejected', W2, ['CERTIFICATION.DUPLICATE_RESULT']],
  ]);
  expect(report.rows[4]!.problems.map((p) => p.field)).toEqual(['workerId', 'theoryScore', 'outcome']);
  expect(report.rows[4]!.problems[1]).toMatchObject({
    reason: expect.stringContaining('0–100'),
    reasonEn: expect.stringContaining('from 0 to 100'),
  });
  // the recorded row is the event RecordResults appends
  const event = await eventually(async () => {
    const found = await service.lastPublished('AssessmentResultsRecorded.v1');
    expect(found?.data.results).toEqual([
      { workerId: W2, theoryScore: 70, practicalScore: 65, outcome: 'failed' },
    ]);
    return found!;
  });
  expectContract('jineng.certification.v1.AssessmentResultsRecorded', event.data);
  expect(event.data).toMatchObject({
    correctionReason: '缺考登记有误，学员实际参加考核',
    recordedBy: officer.userId,
  });
  const before = await service.query<certificationV1.Assessment>('GetAssessment', officer, {
    assessmentId: ASSESSMENT_A,
  });

  // the same sheet again: nothing recorded, nothing appended
  const again = await upload({ correctionReason: '缺考登记有误，学员实际参加考核' });
  expect(again).toMatchObject({ recorded: 0, unchanged: 3, rejected: 3 });
  expect((await service.lastPublished('AssessmentResultsRecorded.v1'))?.id).toBe(event.id);
  expect(
    await service.query<certificationV1.Assessment>('GetAssessment', officer, { assessmentId: ASSESSMENT_A }),
  ).toEqual(before);

  // a sheet without the columns, or from another jurisdiction's officer: refused, nothing changed
  const noColumns = await rejection(
    service.command('RecordResultsSheet', officer, {
      assessmentId: ASSESSMENT_A,
      fileName: 'results.csv',
      contentBase64: Buffer.from(`workerId,theory\n${W1},50\n`).toString('base64'),
    }),
  );
  expect(noColumns).toMatchObject({
    code: 'CERTIFICATION.RESULTS_SHEET_COLUMNS_MISSING',
    details: { missing: ['practicalScore', 'outcome'] },
  });
  const foreign = await rejection(
    service.command('RecordResultsSheet', foreignOfficer, {
      assessmentId: ASSESSMENT_A,
      fileName: 'results.xlsx',
      contentBase64: sheet.toString('base64'),
    }),
  );
  expect(foreign.category).toBe('forbidden');
  // past the sheet's cap of 500 data rows: refused at row 501 by the lists lib's reader, nothing read on
  const tooLong = await rejection(
    service.command('RecordResultsSheet', officer, {
      assessmentId: ASSESSMENT_A,
      fileName: 'results.csv',
      contentBase64: Buffer.from(
        `workerId,theoryScore,practicalScore,outcome\n${`${W1},60,60,passed\n`.repeat(501)}`,
      ).toString('base64'),
    }),
  );
  expect(tooLong).toMatchObject({
    code: 'SHEET.TOO_LARGE',
    category: 'too_large',
    details: { limit: 500, actual: 501, unit: 'rows' },
  });
});

it('certificates: only for a pass, of a kind the policy accepts, revoked with a reason', async () => {
  const issue = (assessmentId: string, workerId: string) =>
    service.command<certificationV1.CommandAccepted>('IssueCertificate', officer, {
      assessmentId,
      workerId,
      issuedOn: '2026-12-01',
    });
  const failed = await rejection(issue(ASSESSMENT_A, W1));
  expect(failed.code).toBe('CERTIFICATION.RESULT_NOT_PASSED');

  const certificateId = certificateIdOf(ASSESSMENT_A, W3);
  expect(await issue(ASSESSMENT_A, W3)).toEqual({
    id: certificateId,
    version: 1,
    events: ['CertificateIssued.v1'],
    idempotent: false,
  });
  const issued = await eventually(async () => {
    const found = await service.lastPublished('CertificateIssued.v1');
    expect(found?.data.certificateId).toBe(certificateId);
    return found!;
  });
  expectContract('jineng.certification.v1.CertificateIssued', issued.data);
  expect(issued.data).toMatchObject({
    workerId: W3,
    classId: CLASS_A,
    kind: 'training_qualified',
    evaluationBodyId: HR_OFFICE,
    issuedOn: '2026-12-01',
  });
  expect(issued.data.certificateNumber).toMatch(/^4190012026[0-9A-Z]{26}$/);
  // no personal data in clear: the worker by id only
  expect(JSON.stringify(issued)).not.toMatch(/name|idNumber/i);

  // occupation 4-03-02-01 leads to a vocational qualification, which Jiyuan's exception does not cover
  const refused = await rejection(issue(ASSESSMENT_C, W4));
  expect([refused.code, refused.details]).toEqual([
    'CERTIFICATION.TRAINING_CERTIFICATE_NOT_ACCEPTED',
    { occupationCode: '4-03-02-01', level: 4, higherKinds: ['vocational_qualification'] },
  ]);

  // the public verification: the masked name, what it certifies, the issuer — no id number, no worker id
  const number = issued.data.certificateNumber as string;
  const verify = (certificateNumber: string) =>
    service.query<certificationV1.CertificateVerification>('VerifyCertificate', ANONYMOUS, {
      certificateNumber,
    });
  const valid = await eventually(async () => {
    const answer = await verify(number);
    expect(answer.holderNameMasked).toBe('王*明');
    return answer;
  });
  expectContract('jineng.certification.v1.CertificateVerification', valid);
  expect(valid).toEqual({
    certificateNumber: number,
    status: 'valid',
    holderNameMasked: '王*明',
    occupationCode: '6-18-02-04',
    level: 4,
    levelName: '中级工',
    kind: 'training_qualified',
    kindName: '培训合格证书',
    issuedOn: '2026-12-01',
    issuer: '济源示范区人力资源和社会保障局',
  });
  expect(await verify(number.toLowerCase())).toEqual(valid);
  expect(await verify('4190012026ZZZZZZZZZZZZZZZZZZZZZZZZZZ')).toEqual({
    certificateNumber: '4190012026ZZZZZZZZZZZZZZZZZZZZZZZZZZ',
    status: 'unknown',
  });
  // the certificate carries a QR code that opens that page
  const printed = await service.query<certificationV1.Certificate>('GetCertificate', officer, {
    certificateId,
  });
  expect(printed.qrCode.verificationUrl).toBe(`http://127.0.0.1:3000/public/certificates/${number}`);
  expect(printed.qrCode.svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  expect(printed.qrCode.pngDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]{200,}$/);

  await service.command('RevokeCertificate', officer, { certificateId, reason: '考核记录造假' });
  const revoked = await eventually(async () => {
    const found = await service.lastPublished('CertificateRevoked.v1');
    expect(found?.data.certificateId).toBe(certificateId);
    return found!;
  });
  expectContract('jineng.certification.v1.CertificateRevoked', revoked.data);
  expect(revoked.data).toMatchObject({
    workerId: W3,
    classId: CLASS_A,
    reason: '考核记录造假',
    revokedBy: officer.userId,
  });
  const view = await service.query<certificationV1.Certificate>('GetCertificate', officer, { certificateId });
  expectContract('jineng.certification.v1.Certificate', view);
  expect(view).toMatchObject({ status: 'revoked', revocationReason: '考核记录造假' });
  expect(await verify(number)).toMatchObject({
    status: 'revoked',
    revokedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
  });
  const again = await rejection(
    service.command('RevokeCertificate', officer, { certificateId, reason: '再次' }),
  );
  expect(again.code).toBe('CERTIFICATION.CERTIFICATE_ALREADY_REVOKED');
});

it('lists the enterprises of at least 300 staff without their own evaluation body, and exports them', async () => {
  const [big, small, equipped] = [randomUUID(), randomUUID(), randomUUID()];
  for (const [enterpriseId, name, headcount] of [
    [big, '济源钢铁集团', 320],
    [small, '济源小型机械厂', 250],
    [equipped, '济源矿用设备公司', 400],
  ] as const)
    await service.publish('registry', `enterprise-${enterpriseId}`, 'EnterpriseRegistered.v1', {
      enterpriseId,
      name,
      creditCode: '91419001MA0K000001',
      jurisdiction: JIYUAN,
      headcount,
      small: false,
      micro: false,
      maySetUpEvaluationBody: headcount >= 300,
      registeredOn: '2021-01-05',
    });
  await service.command('RecogniseEvaluationBody', officer, {
    evaluationBodyId: randomUUID(),
    name: '济源矿用设备公司技能人才评价中心',
    kind: 'enterprise_own',
    enterpriseId: equipped,
    jurisdictionCode: JIYUAN,
    recognitions: [
      { occupationCode: '6-18-02-04', levels: [4], kinds: ['skill_level'], validFrom: '2021-06-01' },
    ],
  });
  const page = await eventually(async () => {
    const answer = await service.query<certificationV1.EnterpriseEvaluationBodyPage>(
      'ListEnterprisesLackingEvaluationBody',
      officer,
      {},
    );
    expect(answer.total).toBe(1);
    return answer;
  });
  expectContract('jineng.certification.v1.EnterpriseEvaluationBodyPage', page);
  expect(page).toMatchObject({
    items: [{ enterpriseId: big, name: '济源钢铁集团', jurisdictionCode: JIYUAN, headcount: 320 }],
    minStaff: 300,
    deadline: '2021-12-31',
    policyVersionIds: [POLICY],
  });
  // Yanhu's policy (none published for it here) sets no such rule: nothing to list
  const yanhu: Principal = { userId: 'officer-140802', roles: ['county_officer'], jurisdiction: '140802' };
  expect(await service.query('ListEnterprisesLackingEvaluationBody', yanhu, { pageSize: 10 })).toEqual({
    items: [],
    total: 0,
    page: 1,
    pageSize: 10,
    policyVersionIds: [],
  });
  const file = await service.query<{ contentType: string; size: number }>(
    'ExportEnterprisesLackingEvaluationBody',
    officer,
    { format: 'json' },
  );
  expect(file.contentType).toBe('application/json; charset=utf-8');
});

describe('satisfaction and the yearly quality rule, from a scripted year', () => {
  const YANHU = '140802';
  const YUNCHENG_POLICY = 'e1c0ab5e-6f7a-4b9c-8ddf-e6f708192a3b';
  const WELDING_BODY = 'f2d1bc6f-7a8b-4cad-9ee0-f708192a3b4c';
  const [INSTITUTION_Y, INSTITUTION_Z] = [
    'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    'b2c3d4e5-f6a7-4b8c-9dae-1f2a3b4c5d6e',
  ];
  const yanhuOfficer: Principal = {
    userId: 'officer-140802',
    roles: ['county_officer'],
    jurisdiction: YANHU,
  };
  const workersOf = (prefix: string) =>
    Array.from({ length: 10 }, (_, i) => `${prefix}-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);

  /** A class of the institution through approval, assessment (passed of 10) and completion. */
  async function scriptedClass(classId: string, institutionId: string, workerIds: string[], passed: number) {
    await service.publish('class-ops', `class-${classId}`, 'ClassApproved.v1', {
      ...classApproved(classId, '6-18-02-04', workerIds),
      institutionId,
      jurisdictionCode: YANHU,
      endDate: '2026-12-10',
    });
    const assessmentId = randomUUID();
    await eventually(async () => {
      await service.command('ApplyForAssessment', yanhuOfficer, {
        assessmentId,
        classId,
        certificateKind: 'skill_level',
      });
    });
    await service.command('ScheduleAssessment', yanhuOfficer, {
      assessmentId,
      date: '2026-12-01',
      place: '盐湖区实训基地',
      assessorIds: ['assessor-9'],
      evaluationBodyId: WELDING_BODY,
    });
    await service.command('RecordResults', yanhuOfficer, {
      assessmentId,
      results: workerIds.map((workerId, i) =>
        i < passed
          ? { workerId, theoryScore: 80, practicalScore: 80, outcome: 'passed' }
          : { workerId, theoryScore: 40, practicalScore: 50, outcome: 'failed' },
      ),
    });
    // two certificates of the passed
    for (const workerId of workerIds.slice(0, 2))
      await service.command('IssueCertificate', yanhuOfficer, {
        assessmentId,
        workerId,
        issuedOn: '2026-12-01',
      });
    await service.publish('class-ops', `class-${classId}`, 'ClassCompleted.v1', {
      classId,
      institutionId,
      jurisdictionCode: YANHU,
      occupationCode: '6-18-02-04',
      level: 4,
      trainingType: 'skill_upgrade',
      mode: 'self_run',
      keyGroup: false,
      fundSource: 'unemployment_insurance',
      startDate: '2026-11-02',
      endDate: '2026-12-10',
      daysDelivered: 30,
      hoursDelivered: 120,
      sessionsTotal: 30,
      plannedHeadcount: 10,
      openingDayHeadcount: 10,
      averageRuleApplies: false,
      trainees: workerIds.map((workerId) => ({
        workerId,
        sessionsAttended: 30,
        sessionsTotal: 30,
        daysAttended: 30,
      })),
      videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
      policyVersionIds: [YUNCHENG_POLICY],
    });
  }

  const employ = (workerIds: string[], startDate: string) =>
    Promise.all(
      workerIds.map((workerId) =>
        service.publish('registry', `worker-${workerId}`, 'EmploymentRecorded.v1', {
          workerId,
          employmentId: randomUUID(),
          employerCreditCode: '91140802MA0K123456',
          startDate,
          evidenceKind: 'social_insurance',
          evidenceReference: 'SI-1',
        }),
      ),
    );

  const eventsOf = async (type: string) =>
    (
      await service.db.pool.query<{ data: Record<string, unknown> }>(
        `select data from "${service.schema}".events where type = $1 order by global_position`,
        [type],
      )
    ).rows.map((row) => row.data);

  beforeAll(async () => {
    // Yuncheng 2018's yearly minimums and its employment tranche's months, as subsidy publishes them
    await service.publish('subsidy', `policy-version-${YUNCHENG_POLICY}`, 'PolicyVersionPublished.v1', {
      versionId: YUNCHENG_POLICY,
      jurisdiction: '140800',
      effectiveFrom: '2018-01-01',
      effectiveUntil: '2027-12-31',
      title: '运城市职业技能提升',
      revision: 1,
      publishedAt: '2018-01-01T00:00:00.000Z',
      publishedBy: 'admin-1',
      targets: [],
      document: {},
      parameters: {
        institutionQuality: { minYearlyPassRate: 0.8, minYearlyEmploymentRate: 0.3, minSatisfaction: 0.85 },
        subsidies: {
          tranches: { onCertificateShare: 0.5, onEmploymentShare: 0.5, employmentWithinMonths: 3 },
        },
      },
    });
    await service.command('RecogniseEvaluationBody', yanhuOfficer, {
      evaluationBodyId: WELDING_BODY,
      name: '运城市焊工技能等级认定中心',
      kind: 'social_organisation',
      jurisdictionCode: YANHU,
      recognitions: [
        { occupationCode: '6-18-02-04', levels: [4], kinds: ['skill_level'], validFrom: '2020-01-01' },
      ],
    });
  });

  it('a class below the satisfaction minimum stops its institution opening classes (ClassSatisfactionBelowMinimum)', async () => {
    const classId = randomUUID();
    const workers = workersOf('c1000000');
    await scriptedClass(classId, INSTITUTION_Y, workers, 8);
    await eventually(async () => {
      await service.command('RecordSatisfaction', yanhuOfficer, {
        classId,
        responses: workers.map((workerId, i) => ({ workerId, satisfied: i < 8 })),
      });
    });
    await service.command('CloseSatisfactionSurvey', yanhuOfficer, { classId });
    const below = await eventually(async () => {
      const found = await service.lastPublished('ClassSatisfactionBelowMinimum.v1');
      expect(found?.data.classId).toBe(classId);
      return found!;
    });
    expectContract('jineng.certification.v1.ClassSatisfactionBelowMinimum', below.data);
    expect(below.data).toEqual({
      classId,
      institutionId: INSTITUTION_Y,
      jurisdictionCode: YANHU,
      satisfactionShare: '0.8000',
      minimumShare: '0.8500',
    });
  });

  it("at the year's end: exactly 80 % and 30 % pass, 70 % fails — InstitutionFailedQualityThreshold with the figures", async () => {
    // Y: this class and the one above — 16 of 20 passed, 6 of 20 employed within 3 months of the end
    const secondY = workersOf('c2000000');
    await scriptedClass(randomUUID(), INSTITUTION_Y, secondY, 8);
    await employ([...workersOf('c1000000').slice(0, 3), ...secondY.slice(0, 3)], '2026-12-20');
    // Z: 7 of 10 passed; 5 employed, one of them only after the 3 months (2027-03-11) and one before it
    const z = workersOf('c3000000');
    await scriptedClass(randomUUID(), INSTITUTION_Z, z, 7);
    await employ(z.slice(0, 4), '2026-12-15');
    await employ(z.slice(4, 5), '2027-03-11');
    // the read models have all of it before the year ends
    await eventually(async () => {
      const { rows } = await service.db.pool.query<{ n: number }>(
        `select count(*)::int as n from "${service.schema}".employments`,
      );
      expect(rows[0]!.n).toBe(11);
      const completed = await service.db.pool.query<{ n: number }>(
        `select count(*)::int as n from "${service.schema}".class_facts where status = 'completed'`,
      );
      expect(completed.rows[0]!.n).toBe(3);
    });
    expect(await eventsOf('InstitutionYearEvaluated.v1')).toEqual([]);

    await service.setClock('2027-01-01T00:00:05+08:00');
    const evaluated = await eventually(
      async () => {
        const events = await eventsOf('InstitutionYearEvaluated.v1');
        expect(events).toHaveLength(2);
        return events;
      },
      { timeoutMs: 20_000 },
    );
    const byInstitution = Object.fromEntries(evaluated.map((data) => [data.institutionId, data]));
    expect(byInstitution[INSTITUTION_Y]).toMatchObject({
      year: 2026,
      figures: {
        classes: 2,
        trainees: 20,
        passed: 16,
        certified: 4,
        employed: 6,
        passRate: '0.8000',
        certificateRate: '0.2000',
        employmentRate: '0.3000',
        employmentWithinMonths: 3,
      },
      minPassRate: '0.8000',
      minEmploymentRate: '0.3000',
      policyVersionIds: [YUNCHENG_POLICY],
    });
    const failed = await eventually(async () => {
      const found = await service.lastPublished('InstitutionFailedQualityThreshold.v1');
      expect(found?.data.institutionId).toBe(INSTITUTION_Z);
      return found!;
    });
    expectContract('jineng.certification.v1.InstitutionFailedQualityThreshold', failed.data);
    expect(failed.data).toEqual({
      institutionId: INSTITUTION_Z,
      jurisdictionCode: YANHU,
      year: 2026,
      passRate: '0.7000',
      certificateRate: '0.2000',
      employmentRate: '0.4000',
      rule: 'min_yearly_pass_rate',
      disqualifiedForYear: 2027,
    });
    expect((await eventsOf('InstitutionFailedQualityThreshold.v1')).map((d) => d.institutionId)).toEqual([
      INSTITUTION_Z,
    ]);
    // an officer asking again changes nothing: the year is evaluated once
    const again = await service.command<certificationV1.CommandAccepted>(
      'EvaluateInstitutionYear',
      yanhuOfficer,
      {
        institutionId: INSTITUTION_Z,
        year: 2026,
      },
    );
    expect(again.events).toEqual([]);
  });

  it('lists: certificates paged, filtered, scoped, exported; figures per class and occupation; the public scorecard', async () => {
    const list = (who: Principal, payload: object) =>
      service.query<certificationV1.CertificatePage>('ListCertificates', who, payload);
    const all = await list(yanhuOfficer, { pageSize: 4 });
    expectContract('jineng.certification.v1.CertificatePage', all);
    expect([all.total, all.items.length, all.page, all.pageSize]).toEqual([6, 4, 1, 4]);
    expect((await list(yanhuOfficer, { pageSize: 4, page: 2 })).items).toHaveLength(2);
    expect((await list(yanhuOfficer, { institutionId: INSTITUTION_Z })).total).toBe(2);
    expect((await list(yanhuOfficer, { status: 'revoked' })).total).toBe(0);
    // an institution sees its own only; naming another is refused; Jiyuan's officer sees none of Yanhu's
    const z: Principal = {
      userId: 'inst-z',
      roles: ['institution'],
      jurisdiction: YANHU,
      institutionId: INSTITUTION_Z,
    };
    expect((await list(z, {})).items.map((i) => i.institutionId)).toEqual([INSTITUTION_Z, INSTITUTION_Z]);
    expect((await rejection(list(z, { institutionId: INSTITUTION_Y }))).code).toBe(
      'CERTIFICATION.FOREIGN_INSTITUTION',
    );
    expect((await rejection(list(officer, { jurisdiction: YANHU }))).code).toBe(
      'CERTIFICATION.FOREIGN_JURISDICTION',
    );
    const file = await service.query<{ fileName: string; contentType: string; size: number }>(
      'ExportCertificates',
      yanhuOfficer,
      { format: 'xlsx', institutionId: INSTITUTION_Y },
    );
    expectContract('jineng.common.v1.FileReply', file);
    expect(file).toMatchObject({
      fileName: expect.stringMatching(/^证书名单-\d{4}-\d{2}-\d{2}\.xlsx$/),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(file.size).toBeGreaterThan(1000);

    const figures = await service.query<certificationV1.OutcomeFiguresReply>('GetOutcomeFigures', z, {
      institutionId: INSTITUTION_Z,
      year: 2026,
    });
    expectContract('jineng.certification.v1.OutcomeFiguresReply', figures);
    expect(figures.total).toMatchObject({ trainees: 10, passRate: '0.7000', employmentRate: '0.4000' });
    expect(figures.byOccupation).toEqual([{ occupationCode: '6-18-02-04', figures: figures.total }]);
    expect(figures.byClass).toHaveLength(1);

    const scorecard = await service.query<certificationV1.ScorecardPage>('ListOutcomeScorecard', ANONYMOUS, {
      year: 2026,
      jurisdiction: '140800',
      sort: 'passRate',
    });
    expectContract('jineng.certification.v1.ScorecardPage', scorecard);
    expect(scorecard.items.map((row) => [row.institutionId, row.passRate, row.employmentRate])).toEqual([
      [INSTITUTION_Z, '0.7000', '0.4000'],
      [INSTITUTION_Y, '0.8000', '0.3000'],
    ]);
    expect(JSON.stringify(scorecard)).not.toMatch(/workerId|nameMasked/);
    const exported = await service.query<{ contentType: string; size: number }>(
      'ExportOutcomeScorecard',
      ANONYMOUS,
      {
        format: 'json',
        year: 2026,
      },
    );
    expect(exported.contentType).toBe('application/json; charset=utf-8');
  });

  it('my certificates: a worker sees their own only, with the verification link; others are refused; bad input 400', async () => {
    const [holder, other] = workersOf('c1000000');
    const withoutCertificate = workersOf('c1000000')[5];
    const trainee = (userId: string): Principal => ({ userId, roles: ['worker'], jurisdiction: YANHU });
    const mine = (who: Principal, payload: object = {}) =>
      service.query<certificationV1.MyCertificatePage>('ListMyCertificates', who, payload);

    const own = await mine(trainee(holder));
    expectContract('jineng.certification.v1.MyCertificatePage', own);
    expect([own.total, own.items.length]).toEqual([1, 1]);
    const [certificate] = own.items;
    expect(certificate).toMatchObject({
      occupationCode: '6-18-02-04',
      level: 4,
      kind: 'skill_level',
      issuedOn: '2026-12-01',
      status: 'valid',
    });
    expect(certificate.verificationUrl).toBe(
      `http://127.0.0.1:3000/public/certificates/${certificate.certificateNumber}`,
    );
    // the certificate is the holder's: the officer's list says so
    const officerView = await service.query<certificationV1.CertificatePage>(
      'ListCertificates',
      yanhuOfficer,
      {
        pageSize: 50,
      },
    );
    expect(officerView.items.find((i) => i.certificateId === certificate.certificateId)?.workerId).toBe(
      holder,
    );
    // another worker's list holds their own certificate, not the holder's
    const others = await mine(trainee(other));
    expect(others.items.map((i) => i.certificateId)).not.toContain(certificate.certificateId);
    expect(others.total).toBe(1);
    expect((await mine(trainee(withoutCertificate))).total).toBe(0);
    expect((await mine(trainee(holder), { status: 'revoked' })).total).toBe(0);

    // only a worker, as themselves: an officer or the anonymous principal is refused
    expect((await rejection(mine(yanhuOfficer))).code).toBe('CERTIFICATION.ROLE_NOT_ALLOWED');
    expect((await rejection(mine(ANONYMOUS))).code).toBe('CERTIFICATION.ROLE_NOT_ALLOWED');
    // bad input: the field and the reason
    const bad = await rejection(mine(trainee(holder), { status: 'lost', pageSize: 9999 }));
    expect(bad.category).toBe('validation');
    expect(JSON.stringify(bad.details)).toMatch(/status/);
    expect(JSON.stringify(bad.details)).toMatch(/pageSize/);

    const file = await service.query<{ fileName: string; contentType: string; size: number }>(
      'ExportMyCertificates',
      trainee(holder),
      { format: 'xlsx' },
    );
    expectContract('jineng.common.v1.FileReply', file);
    expect(file.fileName).toMatch(/^我的证书-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(file.size).toBeGreaterThan(1000);
    expect(
      (await rejection(service.query('ExportMyCertificates', yanhuOfficer, { format: 'xlsx' }))).code,
    ).toBe('CERTIFICATION.ROLE_NOT_ALLOWED');
  });
});
