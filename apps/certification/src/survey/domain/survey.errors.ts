import { defineDomainError } from '@jineng/ddd';

export class SurveyClosed extends defineDomainError<{ classId: string }>({
  code: 'CERTIFICATION.SURVEY_CLOSED',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 的满意度调查已结束`,
  en: (d) => `the satisfaction survey of class ${d.classId} is closed`,
}) {}

export class ClassNotCompleted extends defineDomainError<{ classId: string; status: string }>({
  code: 'CERTIFICATION.CLASS_NOT_COMPLETED',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 尚未结业（${d.status}），培训后才进行满意度调查`,
  en: (d) => `class ${d.classId} has not completed (${d.status}): the survey follows the training`,
}) {}

export class NoAnswers extends defineDomainError<{ classId: string }>({
  code: 'CERTIFICATION.SURVEY_WITHOUT_ANSWERS',
  category: 'illegal_state',
  zh: (d) => `班级 ${d.classId} 的满意度调查还没有答卷`,
  en: (d) => `the satisfaction survey of class ${d.classId} has no answers`,
}) {}
