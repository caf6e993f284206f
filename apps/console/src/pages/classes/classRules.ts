// The opening rules class-ops judges all at once (apps/class-ops opening-rules.ts) answer with a code and
// a zh/en message but no field: this table puts each on the form field the clerk changes to satisfy it.
// A rule about the institution itself names no field and is shown above the form.
import { ApiError, type ApiErrorBody, type Violation } from '../../api/errors';

export const RULE_FIELD: Readonly<Record<string, string>> = {
  'CLASS.NO_POLICY_IN_FORCE': 'startDate',
  'CLASS.CALENDAR_NOT_COVERED': 'startDate',
  'CLASS.LEAD_TIME_TOO_SHORT': 'startDate',
  'CLASS.ENDS_BEFORE_START': 'endDate',
  'CLASS.TOO_MANY_DAYS': 'endDate',
  'CLASS.HOURS_DO_NOT_ADD_UP': 'totalHours',
  'CLASS.TOO_MANY_HOURS': 'totalHours',
  'CLASS.PRACTICAL_SHARE_TOO_LOW': 'practicalHours',
  'CLASS.LESSON_TOO_SHORT': 'lessonMinutes',
  'CLASS.TOO_MANY_TRAINEES': 'plannedHeadcount',
  'CLASS.TOO_MANY_TRAINEES_PER_TEACHER': 'teacherIds',
  'CLASS.TEACHER_NOT_REGISTERED': 'teacherIds',
  'CLASS.OUTSIDE_INSTITUTION_SCOPE': 'occupationCode',
};

export interface RuleFailure {
  readonly code: string;
  readonly workerId?: string;
  readonly summary?: string;
  readonly message: { readonly zh: string; readonly en: string };
}

/** the field a failed rule belongs to; a trainee's rule goes to the roster, one about the institution to none */
export function fieldOfRule(failure: RuleFailure): string | undefined {
  if (RULE_FIELD[failure.code]) return RULE_FIELD[failure.code];
  if (failure.workerId) return 'workerIds';
  return undefined;
}

/** The rule failures of a CLASS.RULES_FAILED answer, or none. */
export function ruleFailuresOf(error: unknown): readonly RuleFailure[] {
  if (!(error instanceof ApiError) || error.body.code !== 'CLASS.RULES_FAILED') return [];
  const failures = error.body.details?.failures;
  return Array.isArray(failures) ? (failures as RuleFailure[]) : [];
}

/**
 * The same answer with every rule that has a field turned into a violation at that field (a trainee's
 * rule names the trainee), so the form shows them all at once; the rest stay in `details.failures`.
 */
export function asFieldViolations(error: ApiError): ApiError {
  const failures = ruleFailuresOf(error);
  const violations: Violation[] = [];
  const rest: RuleFailure[] = [];
  for (const failure of failures) {
    const field = fieldOfRule(failure);
    if (!field) {
      rest.push(failure);
      continue;
    }
    const who = failure.workerId ? `${failure.workerId}：` : '';
    const whoEn = failure.workerId ? `${failure.workerId}: ` : '';
    violations.push({
      path: field,
      reason: `${who}${failure.message.zh}`,
      reasonEn: `${whoEn}${failure.message.en}`,
    });
  }
  const body: ApiErrorBody = {
    ...error.body,
    violations,
    details: { ...error.body.details, failures: rest },
  };
  return new ApiError(error.status, body);
}
