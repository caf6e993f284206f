import { defineDomainError } from '@jineng/ddd';

export class EvaluationBodyAlreadyRecognised extends defineDomainError<{ evaluationBodyId: string }>({
  code: 'CERTIFICATION.EVALUATION_BODY_ALREADY_RECOGNISED',
  category: 'illegal_state',
  zh: (d) => `评价机构 ${d.evaluationBodyId} 已登记`,
  en: (d) => `evaluation body ${d.evaluationBodyId} is already recorded`,
}) {}

export class EnterpriseRequired extends defineDomainError<Record<string, never>>({
  code: 'CERTIFICATION.ENTERPRISE_REQUIRED',
  category: 'validation',
  zh: () => '企业自主评价机构须填写所属企业（enterpriseId）',
  en: () => "an enterprise's own evaluation body names its enterprise (enterpriseId)",
}) {}

export class RecognitionEndsBeforeStart extends defineDomainError<{
  index: number;
  validFrom: string;
  validUntil: string;
}>({
  code: 'CERTIFICATION.RECOGNITION_ENDS_BEFORE_START',
  category: 'validation',
  zh: (d) => `recognitions[${d.index}]：截止日期 ${d.validUntil} 早于起始日期 ${d.validFrom}`,
  en: (d) => `recognitions[${d.index}]: validUntil ${d.validUntil} is before validFrom ${d.validFrom}`,
}) {}

export class EvaluationBodyNotFound extends defineDomainError<{ evaluationBodyId: string }>({
  code: 'CERTIFICATION.EVALUATION_BODY_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `评价机构 ${d.evaluationBodyId} 不存在`,
  en: (d) => `no evaluation body ${d.evaluationBodyId}`,
}) {}

export class EvaluationBodyNotRecognised extends defineDomainError<{
  evaluationBodyId: string;
  occupationCode: string;
  level: number;
  kind: string;
  date: string;
}>({
  code: 'CERTIFICATION.EVALUATION_BODY_NOT_RECOGNISED',
  category: 'illegal_state',
  zh: (d) =>
    `评价机构 ${d.evaluationBodyId} 在 ${d.date} 未获认可评价职业 ${d.occupationCode}（${d.level} 级）的 ${d.kind} 证书`,
  en: (d) =>
    `evaluation body ${d.evaluationBodyId} is not recognised on ${d.date} for ${d.kind} of occupation ${d.occupationCode} at level ${d.level}`,
}) {}
