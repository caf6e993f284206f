// The REST routes of the certification service: forwarded over NATS to
// jineng.cmd|qry.certification.<Name>. The service checks the record's jurisdiction and institution
// again (a path only names ids). The public verification of a certificate needs no login: it reaches
// the service as the anonymous principal, rate-limited per client IP, and answers no personal data in
// clear.
import type { Role } from '@jineng/messaging';
import type { RouteDefinition } from '../routing/route-definition';

const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
const READERS: readonly Role[] = [...OFFICERS, 'auditor', 'finance_officer'];
const tags = ['certification'];

export const CERTIFICATION_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/api/v1/evaluation-bodies',
    summary: { zh: '登记获认可的技能评价机构', en: 'Record a recognised evaluation body' },
    tags,
    roles: OFFICERS,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: 'jineng.certification.v1.RecogniseEvaluationBody',
    response: 'jineng.certification.v1.CommandAccepted',
    successStatus: 201,
    target: { kind: 'command', service: 'certification', name: 'RecogniseEvaluationBody' },
  },
  {
    method: 'POST',
    path: '/api/v1/assessments',
    summary: {
      zh: '机构申请结业考核（须在政策规定的结业前天数之前）',
      en: "Apply for a class's assessment (no later than the policy's days before the class ends)",
    },
    tags,
    roles: ['institution', ...OFFICERS],
    request: 'jineng.certification.v1.ApplyForAssessment',
    response: 'jineng.certification.v1.CommandAccepted',
    successStatus: 201,
    target: { kind: 'command', service: 'certification', name: 'ApplyForAssessment' },
  },
  {
    method: 'GET',
    path: '/api/v1/assessments/:assessmentId',
    summary: { zh: '结业考核及其成绩', en: 'An assessment and its results' },
    tags,
    roles: ['institution', ...READERS],
    request: 'jineng.certification.v1.GetAssessment',
    response: 'jineng.certification.v1.Assessment',
    target: { kind: 'query', service: 'certification', name: 'GetAssessment' },
  },
  {
    method: 'POST',
    path: '/api/v1/assessments/:assessmentId/schedule',
    summary: { zh: '安排结业考核（线下）', en: 'Schedule the (offline) assessment' },
    tags,
    roles: OFFICERS,
    request: 'jineng.certification.v1.ScheduleAssessment',
    response: 'jineng.certification.v1.CommandAccepted',
    target: { kind: 'command', service: 'certification', name: 'ScheduleAssessment' },
  },
  {
    method: 'POST',
    path: '/api/v1/assessments/:assessmentId/results',
    summary: { zh: '录入考核成绩（更正须注明原因）', en: 'Record results (a correction needs a reason)' },
    tags,
    roles: OFFICERS,
    request: 'jineng.certification.v1.RecordResults',
    response: 'jineng.certification.v1.CommandAccepted',
    target: { kind: 'command', service: 'certification', name: 'RecordResults' },
  },
  {
    method: 'POST',
    path: '/api/v1/assessments/:assessmentId/certificates',
    summary: { zh: '为考核合格的学员颁发证书', en: 'Issue the certificate of a trainee who passed' },
    tags,
    roles: OFFICERS,
    request: 'jineng.certification.v1.IssueCertificate',
    response: 'jineng.certification.v1.CommandAccepted',
    successStatus: 201,
    target: { kind: 'command', service: 'certification', name: 'IssueCertificate' },
  },
  {
    method: 'GET',
    path: '/api/v1/certificates/:certificateId',
    summary: { zh: '证书（含核验二维码）', en: 'A certificate, with its verification QR code' },
    tags,
    roles: ['institution', ...READERS],
    request: 'jineng.certification.v1.GetCertificate',
    response: 'jineng.certification.v1.Certificate',
    target: { kind: 'query', service: 'certification', name: 'GetCertificate' },
  },
  {
    method: 'POST',
    path: '/api/v1/certificates/:certificateId/revoke',
    summary: { zh: '撤销证书（注明原因）', en: 'Revoke a certificate, with the reason' },
    tags,
    roles: OFFICERS,
    request: 'jineng.certification.v1.RevokeCertificate',
    response: 'jineng.certification.v1.CommandAccepted',
    target: { kind: 'command', service: 'certification', name: 'RevokeCertificate' },
  },
  {
    method: 'GET',
    path: '/api/v1/public/certificates/:certificateNumber',
    summary: {
      zh: '公开核验证书编号（无需登录）：有效、已撤销或不存在，持证人姓名脱敏',
      en: "Verify a certificate number publicly (no login): valid, revoked or unknown, the holder's name masked",
    },
    tags: ['public'],
    roles: 'public',
    allowAnonymous: true,
    // per client IP: enough for a person checking certificates, not for walking numbers
    rateLimit: { requests: 20, perSeconds: 60 },
    request: 'jineng.certification.v1.VerifyCertificate',
    response: 'jineng.certification.v1.CertificateVerification',
    target: { kind: 'query', service: 'certification', name: 'VerifyCertificate' },
  },
];
