// The registry's reaction to certification's InstitutionFailedQualityThreshold.v1 (docs/flow.md): a
// pure function from the event to the command the registry gives itself — disqualify the institution
// for the next year (Yuncheng 2018: 「凡当年培训合格率不达80%、就业率不达30%的,取消下一年度承担政府补贴性
// 培训任务资格」), with the rates that led to it. Wired by a durable consumer (runCaused: the command id
// derives from the event's id, so a redelivered event records nothing new).
import type { IntegrationEvent } from '@jineng/messaging';
import type { CommandBody } from '@jineng/service-runtime';
import type { DisqualifyInstitutionForYear } from '../domain/institution.decide';

export const QUALITY_FAILURE_EVENT = 'InstitutionFailedQualityThreshold.v1';

interface QualityFailure {
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly year: number;
  readonly passRate?: string;
  readonly certificateRate?: string;
  readonly employmentRate?: string;
  readonly rule: string;
  readonly disqualifiedForYear: number;
}

const RULE_NAMES: Readonly<Record<string, string>> = {
  min_yearly_pass_rate: '培训合格率',
  min_yearly_employment_rate: '就业率',
};

const percent = (rate: string | undefined): string =>
  rate === undefined ? '—' : `${(Number(rate) * 100).toFixed(2)}%`;

/** The command, or undefined for an event of another type. */
export function disqualificationFor(
  event: IntegrationEvent,
):
  { readonly jurisdiction: string; readonly command: CommandBody<DisqualifyInstitutionForYear> } | undefined {
  if (event.type !== QUALITY_FAILURE_EVENT) return undefined;
  const failure = event.data as unknown as QualityFailure;
  const rules = failure.rule
    .split(',')
    .map((rule) => RULE_NAMES[rule] ?? rule)
    .join('、');
  const reason =
    `${failure.year} 年度${rules}未达标（合格率 ${percent(failure.passRate)}，就业率 ${percent(failure.employmentRate)}），` +
    `取消 ${failure.disqualifiedForYear} 年度承担政府补贴性培训任务资格`;
  return {
    jurisdiction: failure.jurisdictionCode,
    command: {
      type: 'DisqualifyInstitutionForYear',
      data: {
        institutionId: failure.institutionId,
        year: failure.disqualifiedForYear,
        reason,
        ...(failure.passRate !== undefined ? { passRate: Number(failure.passRate) } : {}),
        ...(failure.employmentRate !== undefined ? { employmentRate: Number(failure.employmentRate) } : {}),
      },
    },
  };
}
