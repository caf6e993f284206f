// The rules of the institution directory (DOMAIN §2), by name.
import { defineDomainError } from '@jineng/ddd';

export class InstitutionNotFound extends defineDomainError<{ institutionId: string }>({
  code: 'INSTITUTION.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `培训机构 ${d.institutionId} 不存在`,
  en: (d) => `there is no training institution ${d.institutionId}`,
}) {}

export class InstitutionAlreadyApplied extends defineDomainError<{ institutionId: string; status: string }>({
  code: 'INSTITUTION.ALREADY_APPLIED',
  category: 'illegal_state',
  zh: (d) => `培训机构 ${d.institutionId} 已申请或已在目录中（状态：${d.status}）`,
  en: (d) => `institution ${d.institutionId} has already applied or is in the directory (status ${d.status})`,
}) {}

export class CreditCodeTaken extends defineDomainError<{ creditCode: string; ownerId: string }>({
  code: 'REGISTRY.CREDIT_CODE_TAKEN',
  category: 'illegal_state',
  zh: (d) => `统一社会信用代码 ${d.creditCode} 已由 ${d.ownerId} 登记`,
  en: (d) => `credit code ${d.creditCode} is already registered by ${d.ownerId}`,
}) {}

/** Jiyuan: private schools only with a passed annual inspection and no liability incident since a date. */
export class PrivateSchoolFactsRequired extends defineDomainError<{ field: string }>({
  code: 'INSTITUTION.PRIVATE_SCHOOL_FACTS_REQUIRED',
  category: 'validation',
  zh: (d) => `${d.field}：民办培训学校须填报年检通过年度和无责任事故起始日期`,
  en: (d) =>
    `${d.field}: a private training school must state its last passed annual inspection and its liability-incident-free date`,
}) {}

export class DuplicateScopeOccupation extends defineDomainError<{ field: string; code: string }>({
  code: 'INSTITUTION.DUPLICATE_SCOPE_OCCUPATION',
  category: 'validation',
  zh: (d) => `${d.field}：职业 ${d.code} 出现了不止一次`,
  en: (d) => `${d.field}: occupation ${d.code} appears more than once`,
}) {}

export class WrongInstitutionStatus extends defineDomainError<{
  institutionId: string;
  status: string;
  expected: string[];
}>({
  code: 'INSTITUTION.WRONG_STATUS',
  category: 'illegal_state',
  zh: (d) =>
    `培训机构 ${d.institutionId} 当前状态为 ${d.status}，此操作要求状态为 ${d.expected.join(' 或 ')}`,
  en: (d) => `institution ${d.institutionId} is ${d.status}; this needs ${d.expected.join(' or ')}`,
}) {}

/** An enterprise training centre is listed only after a passed expert on-site evaluation. */
export class SiteEvaluationRequired extends defineDomainError<{ institutionId: string }>({
  code: 'INSTITUTION.SITE_EVALUATION_REQUIRED',
  category: 'illegal_state',
  zh: (d) => `企业培训中心 ${d.institutionId} 须经专家现场评估通过后方可列入目录`,
  en: (d) =>
    `enterprise training centre ${d.institutionId} needs a passed expert on-site evaluation before listing`,
}) {}

export class DisqualifiedForYear extends defineDomainError<{ institutionId: string; year: number }>({
  code: 'INSTITUTION.DISQUALIFIED_FOR_YEAR',
  category: 'illegal_state',
  zh: (d) => `培训机构 ${d.institutionId} 已被取消 ${d.year} 年度培训资格`,
  en: (d) => `institution ${d.institutionId} is disqualified for ${d.year}`,
}) {}

export class AlreadyDisqualifiedForYear extends defineDomainError<{ institutionId: string; year: number }>({
  code: 'INSTITUTION.ALREADY_DISQUALIFIED_FOR_YEAR',
  category: 'illegal_state',
  zh: (d) => `培训机构 ${d.institutionId} 已被取消 ${d.year} 年度资格`,
  en: (d) => `institution ${d.institutionId} is already disqualified for ${d.year}`,
}) {}

export class DisqualificationYearPassed extends defineDomainError<{
  field: string;
  year: number;
  currentYear: number;
}>({
  code: 'INSTITUTION.DISQUALIFICATION_YEAR_PASSED',
  category: 'validation',
  zh: (d) => `${d.field}：${d.year} 年已过去（当前 ${d.currentYear} 年）`,
  en: (d) => `${d.field}: ${d.year} is over (it is ${d.currentYear})`,
}) {}

export class DeadlineNotAfterToday extends defineDomainError<{ field: string; date: string; today: string }>({
  code: 'INSTITUTION.DEADLINE_NOT_AFTER_TODAY',
  category: 'validation',
  zh: (d) => `${d.field}：整改期限 ${d.date} 应晚于今天（${d.today}）`,
  en: (d) => `${d.field}: the rectification deadline ${d.date} must be after today (${d.today})`,
}) {}

export class TeacherAlreadyRegistered extends defineDomainError<{ field: string; teacherId: string }>({
  code: 'INSTITUTION.TEACHER_ALREADY_REGISTERED',
  category: 'illegal_state',
  zh: (d) => `${d.field}：该教师已在本机构报备（${d.teacherId}）`,
  en: (d) => `${d.field}: this teacher is already registered with the institution (${d.teacherId})`,
}) {}

/** Once listed, the scope is what the HR office approved: only an officer changes it. */
export class ScopeChangeNeedsOfficer extends defineDomainError<{ institutionId: string; status: string }>({
  code: 'INSTITUTION.SCOPE_CHANGE_NEEDS_OFFICER',
  category: 'forbidden',
  zh: (d) => `培训机构 ${d.institutionId} 状态为 ${d.status}，培训职业范围只能由人社部门调整`,
  en: (d) => `institution ${d.institutionId} is ${d.status}: only an officer may change its scope`,
}) {}
