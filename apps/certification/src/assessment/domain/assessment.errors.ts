// The rules of assessments, with stable codes and the values involved.
import { defineDomainError } from '@jineng/ddd';

export class ClassNotKnown extends defineDomainError<{ classId: string }>({
  code: 'CERTIFICATION.CLASS_NOT_KNOWN',
  category: 'not_found',
  zh: (d) => `班级 ${d.classId} 未获批准或尚未同步`,
  en: (d) => `class ${d.classId} is not known as approved`,
}) {}

export class ClassNotRunning extends defineDomainError<{ classId: string; status: string }>({
  code: 'CERTIFICATION.CLASS_NOT_RUNNING',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} ${d.status === 'cancelled' ? '已取消' : '已结业'}，不能申请考核`,
  en: (d) => `class ${d.classId} is ${d.status}: no assessment can be applied for`,
}) {}

export class AssessmentApplicationTooLate extends defineDomainError<{
  classEndDate: string;
  leadDays: number;
  latest: string;
  today: string;
}>({
  code: 'CERTIFICATION.ASSESSMENT_APPLICATION_TOO_LATE',
  category: 'illegal_state',
  zh: (d) =>
    `须在结业前 ${d.leadDays} 天提出考核申请：班级 ${d.classEndDate} 结业，最迟 ${d.latest} 申请，今天是 ${d.today}`,
  en: (d) =>
    `the assessment is applied for at least ${d.leadDays} days before the class ends (${d.classEndDate}): by ${d.latest}, today is ${d.today}`,
}) {}

export class AssessmentAlreadyApplied extends defineDomainError<{ assessmentId: string }>({
  code: 'CERTIFICATION.ASSESSMENT_ALREADY_APPLIED',
  category: 'illegal_state',
  zh: (d) => `考核 ${d.assessmentId} 已申请`,
  en: (d) => `assessment ${d.assessmentId} is already applied for`,
}) {}

export class AssessmentNotFound extends defineDomainError<{ assessmentId: string }>({
  code: 'CERTIFICATION.ASSESSMENT_NOT_FOUND',
  category: 'not_found',
  zh: (d) => `考核 ${d.assessmentId} 不存在`,
  en: (d) => `no assessment ${d.assessmentId}`,
}) {}

export class AssessmentAlreadyHeld extends defineDomainError<{ assessmentId: string }>({
  code: 'CERTIFICATION.ASSESSMENT_ALREADY_HELD',
  category: 'illegal_state',
  zh: (d) => `考核 ${d.assessmentId} 已录入成绩，不能再排期`,
  en: (d) => `assessment ${d.assessmentId} has results: it cannot be rescheduled`,
}) {}

export class AssessmentDateOutOfRange extends defineDomainError<{ date: string; appliedOn: string }>({
  code: 'CERTIFICATION.ASSESSMENT_DATE_BEFORE_APPLICATION',
  category: 'validation',
  zh: (d) => `考核日期 ${d.date} 早于申请日期 ${d.appliedOn}`,
  en: (d) => `the assessment date ${d.date} is before the application (${d.appliedOn})`,
}) {}

export class HrOfficeQuestionSetRequired extends defineDomainError<{
  bodyKind: string;
  hasQuestionSet: boolean;
}>({
  code: 'CERTIFICATION.HR_OFFICE_QUESTION_SET_REQUIRED',
  category: 'validation',
  zh: () =>
    '培训合格证书考核由人社部门统一出题：须由人社部门组织并填写其下发的试题编号（questionSetReference）',
  en: () =>
    'the HR office sets training-qualified exams: the body must be the HR office and the question set it issued must be named (questionSetReference)',
}) {}

export class AssessmentNotScheduled extends defineDomainError<{ assessmentId: string }>({
  code: 'CERTIFICATION.ASSESSMENT_NOT_SCHEDULED',
  category: 'illegal_state',
  zh: (d) => `考核 ${d.assessmentId} 尚未排期，不能录入成绩`,
  en: (d) => `assessment ${d.assessmentId} is not scheduled: no results yet`,
}) {}

export class ResultsBeforeAssessmentDate extends defineDomainError<{ date: string; today: string }>({
  code: 'CERTIFICATION.RESULTS_BEFORE_ASSESSMENT',
  category: 'illegal_state',
  zh: (d) => `考核定于 ${d.date}，今天（${d.today}）还不能录入成绩`,
  en: (d) => `the assessment is on ${d.date}: results cannot be recorded today (${d.today})`,
}) {}

export class TraineeNotOnRoster extends defineDomainError<{ index: number; workerId: string }>({
  code: 'CERTIFICATION.TRAINEE_NOT_ON_ROSTER',
  category: 'validation',
  zh: (d) => `results[${d.index}]：学员 ${d.workerId} 不在本班花名册上`,
  en: (d) => `results[${d.index}]: worker ${d.workerId} is not on the class's roster`,
}) {}

export class DuplicateResult extends defineDomainError<{ index: number; workerId: string }>({
  code: 'CERTIFICATION.DUPLICATE_RESULT',
  category: 'validation',
  zh: (d) => `results[${d.index}]：学员 ${d.workerId} 的成绩重复`,
  en: (d) => `results[${d.index}]: worker ${d.workerId} appears twice`,
}) {}

export class InvalidResult extends defineDomainError<{ index: number; outcome: string }>({
  code: 'CERTIFICATION.INVALID_RESULT',
  category: 'validation',
  zh: (d) =>
    d.outcome === 'absent'
      ? `results[${d.index}]：缺考学员没有成绩`
      : `results[${d.index}]：合格与不合格须有理论和实操成绩`,
  en: (d) =>
    d.outcome === 'absent'
      ? `results[${d.index}]: an absent trainee has no scores`
      : `results[${d.index}]: passed and failed need a theory and a practical score`,
}) {}

export class CorrectionReasonRequired extends defineDomainError<{ workerIds: string[] }>({
  code: 'CERTIFICATION.CORRECTION_REASON_REQUIRED',
  category: 'validation',
  zh: (d) => `学员 ${d.workerIds.join('、')} 已有成绩，更正须填写原因（correctionReason）`,
  en: (d) => `workers ${d.workerIds.join(', ')} have results: a correction needs a reason (correctionReason)`,
}) {}

export class ResultsSheetColumnsMissing extends defineDomainError<{ field: string; missing: string[] }>({
  code: 'CERTIFICATION.RESULTS_SHEET_COLUMNS_MISSING',
  category: 'validation',
  zh: (d) => `${d.field}：第 1 行缺少必填列：${d.missing.join('、')}`,
  en: (d) => `${d.field}: the header row lacks required columns: ${d.missing.join(', ')}`,
}) {}

export class ResultsSheetCellInvalid extends defineDomainError<{
  column: 'workerId' | 'theoryScore' | 'practicalScore' | 'outcome';
  value: string;
}>({
  code: 'CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
  category: 'validation',
  zh: (d) =>
    d.column === 'workerId'
      ? `工人编号“${d.value}”不是有效的编号（UUID）`
      : d.column === 'outcome'
        ? `考核结果“${d.value}”须为 合格 / 不合格 / 缺考（passed / failed / absent）`
        : `${d.column === 'theoryScore' ? '理论' : '实操'}成绩“${d.value}”须为 0–100 的数`,
  en: (d) =>
    d.column === 'workerId'
      ? `worker id '${d.value}' is not a valid id (UUID)`
      : d.column === 'outcome'
        ? `outcome '${d.value}' must be passed / failed / absent (合格 / 不合格 / 缺考)`
        : `${d.column === 'theoryScore' ? 'theory' : 'practical'} score '${d.value}' must be a number from 0 to 100`,
}) {}

export class AttendanceBelowMinimum extends defineDomainError<{
  index: number;
  workerId: string;
  attended: number;
  total: number;
  minimumShare: number;
}>({
  code: 'CERTIFICATION.ATTENDANCE_BELOW_MINIMUM',
  category: 'validation',
  zh: (d) =>
    `第 ${d.index + 1} 条：学员 ${d.workerId} 出勤 ${d.attended}/${d.total} 次课，低于政策规定的 ${Math.round(d.minimumShare * 100)}%，不能判定合格`,
  en: (d) =>
    `result ${d.index + 1}: trainee ${d.workerId} attended ${d.attended} of ${d.total} sessions, below the policy's ${Math.round(d.minimumShare * 100)} %: cannot be marked passed`,
}) {}

export class AttendanceNotYetKnown extends defineDomainError<{ index: number; workerId: string }>({
  code: 'CERTIFICATION.ATTENDANCE_NOT_YET_KNOWN',
  category: 'illegal_state',
  zh: (d) =>
    `第 ${d.index + 1} 条：政策规定了合格所需的出勤比例，班级尚未结业、出勤未知，学员 ${d.workerId} 暂不能判定合格`,
  en: (d) =>
    `result ${d.index + 1}: the policy sets an attendance minimum to pass and the class has not completed (attendance unknown): trainee ${d.workerId} cannot be marked passed yet`,
}) {}
