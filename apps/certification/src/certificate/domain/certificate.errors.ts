import { defineDomainError } from '@jineng/ddd';

export class CertificateAlreadyIssued extends defineDomainError<{ certificateNumber: string }>({
  code: 'CERTIFICATION.CERTIFICATE_ALREADY_ISSUED',
  category: 'illegal_state',
  zh: (d) => `该学员本次考核的证书已颁发（编号 ${d.certificateNumber}）`,
  en: (d) => `the trainee's certificate of this assessment is already issued (number ${d.certificateNumber})`,
}) {}

export class ResultNotPassed extends defineDomainError<{ workerId: string; outcome: string }>({
  code: 'CERTIFICATION.RESULT_NOT_PASSED',
  category: 'illegal_state',
  zh: (d) => `学员 ${d.workerId} 考核未合格（${d.outcome}），不能发证`,
  en: (d) => `worker ${d.workerId} did not pass (${d.outcome}): no certificate`,
}) {}

export class IssueDateOutOfRange extends defineDomainError<{ issuedOn: string; from: string; to: string }>({
  code: 'CERTIFICATION.ISSUE_DATE_OUT_OF_RANGE',
  category: 'validation',
  zh: (d) => `发证日期 ${d.issuedOn} 须在考核日期 ${d.from} 与今天 ${d.to} 之间`,
  en: (d) => `the issue date ${d.issuedOn} must be between the assessment (${d.from}) and today (${d.to})`,
}) {}

export class TrainingCertificateNotAccepted extends defineDomainError<{
  occupationCode: string;
  level: number;
  higherKinds: string[];
  exceptionUntil?: string;
}>({
  code: 'CERTIFICATION.TRAINING_CERTIFICATE_NOT_ACCEPTED',
  category: 'illegal_state',
  zh: (d) =>
    `职业 ${d.occupationCode}（${d.level} 级）可取得 ${d.higherKinds.join('、')}，仅发培训合格证书不予认可${d.exceptionUntil ? `（暂行例外至 ${d.exceptionUntil} 止）` : ''}`,
  en: (d) =>
    `occupation ${d.occupationCode} (level ${d.level}) leads to ${d.higherKinds.join(', ')}: a training-qualified certificate alone is not accepted${d.exceptionUntil ? ` (the temporary exception ended on ${d.exceptionUntil})` : ''}`,
}) {}

export class CertificateNotFound extends defineDomainError<{ certificateId: string }>({
  code: 'CERTIFICATION.CERTIFICATE_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `证书 ${d.certificateId} 不存在`,
  en: (d) => `no certificate ${d.certificateId}`,
}) {}

export class CertificateAlreadyRevoked extends defineDomainError<{ certificateNumber: string }>({
  code: 'CERTIFICATION.CERTIFICATE_ALREADY_REVOKED',
  category: 'illegal_state',
  zh: (d) => `证书 ${d.certificateNumber} 已撤销`,
  en: (d) => `certificate ${d.certificateNumber} is already revoked`,
}) {}
