// The class's maximum subsidy (DOMAIN §6, money in three steps: the earmark at approval), its command,
// event and decider (stream class-subsidy-<classId>), and the process manager that turns class-ops'
// ClassApproved into the command — pure, so a redelivered event gives the same command.
import type { subsidyV1 } from '@jineng/contracts';
import type { Command, Decider, DomainEvent } from '@jineng/ddd';
import { Money } from '@jineng/kernel';
import type { JsonData } from '../../../policy/domain/policy-version.events';
import { lookupParameter, type ResolvedPolicy } from '@jineng/subsidy-computation';

/** What ClassApproved.v1 carries that the estimate needs (docs/contracts.md). */
export interface ApprovedClass {
  readonly classId: string;
  readonly jurisdictionCode: string;
  readonly trainingType: string;
  readonly fundSource: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly plannedHeadcount: number;
  readonly workerIds: readonly string[];
}

export type ClassSubsidyEstimatedData = JsonData<subsidyV1.ClassSubsidyEstimated>;
export type ClassSubsidyEstimated = DomainEvent<'ClassSubsidyEstimated.v1', ClassSubsidyEstimatedData>;
export type EstimateClassSubsidy = Command<'EstimateClassSubsidy', ClassSubsidyEstimatedData>;
export type ClassSubsidyState =
  { readonly estimated: false } | { readonly estimated: true; readonly amountFen: number };

export const classSubsidyStreamId = (classId: string): string => `class-subsidy-${classId}`;

/** Reads ClassApproved.v1's data; a field missing or of the wrong type fails with its name. */
export function readApprovedClass(data: Record<string, unknown>): ApprovedClass {
  const text = (field: string): string => {
    const v = data[field];
    if (typeof v !== 'string' || v === '') throw new TypeError(`ClassApproved.v1: ${field} is not a string`);
    return v;
  };
  const headcount = data.plannedHeadcount;
  if (!Number.isInteger(headcount) || (headcount as number) < 0)
    throw new TypeError('ClassApproved.v1: plannedHeadcount is not a count');
  if (!Array.isArray(data.workerIds)) throw new TypeError('ClassApproved.v1: workerIds is not a list');
  return {
    classId: text('classId'),
    jurisdictionCode: text('jurisdictionCode'),
    trainingType: text('trainingType'),
    fundSource: text('fundSource'),
    startDate: text('startDate'),
    endDate: text('endDate'),
    plannedHeadcount: headcount as number,
    workerIds: data.workerIds as string[],
  };
}

/**
 * The maximum the class can cost by the policy in force at its start: the per-day tiers over the
 * class's calendar days (capped by the policy's day cap) for each planned trainee, else the flat amount
 * of its training type; where no training subsidy of the policy applies, 0 with the reason. Living
 * allowances depend on each trainee's categories and are claimed separately: not in the estimate.
 */
export function estimateClassSubsidy(cls: ApprovedClass, policy: ResolvedPolicy): ClassSubsidyEstimatedData {
  const headcount = Math.max(cls.plannedHeadcount, cls.workerIds.length);
  const calendarDays = Math.round((Date.parse(cls.endDate) - Date.parse(cls.startDate)) / 86_400_000) + 1;
  const head = { classId: cls.classId, jurisdictionCode: cls.jurisdictionCode, fundSource: cls.fundSource };
  const perDay = lookupParameter(policy, 'subsidies', 'perDayTraining');
  if (perDay.set) {
    const days = Math.min(calendarDays, perDay.value.maxDays ?? calendarDays);
    const tiers = [...perDay.value.tiers]
      .sort((a, b) => a.fromDay - b.fromDay)
      .map((t) => ({
        fromDay: t.fromDay,
        toDay: t.toDay,
        ratePerDayFen: t.amountFen,
        days: Math.max(0, Math.min(days, t.toDay) - t.fromDay + 1),
      }));
    const perTrainee = Money.sum(tiers.map((t) => Money.fen(t.ratePerDayFen * t.days)));
    return {
      ...head,
      amountFen: perTrainee.toFen() * headcount,
      policyVersionIds: [perDay.versionId],
      basis: {
        rule: 'subsidies.perDayTraining',
        headcount,
        days,
        ratePerDayFen: tiers[0].ratePerDayFen,
        tiers: tiers.filter((t) => t.days > 0),
        perTraineeFen: perTrainee.toFen(),
        ...(perDay.value.maxDays !== undefined ? { maxDays: perDay.value.maxDays } : {}),
        policyDate: policy.date,
      },
    };
  }
  const flat = lookupParameter(policy, 'subsidies', 'flatPerPerson');
  const entry = flat.set ? flat.value.find((f) => f.trainingType === cls.trainingType) : undefined;
  if (flat.set && entry) {
    return {
      ...head,
      amountFen: entry.amountFen * headcount,
      policyVersionIds: [flat.versionId],
      basis: {
        rule: 'subsidies.flatPerPerson',
        headcount,
        days: calendarDays,
        perTraineeFen: entry.amountFen,
        policyDate: policy.date,
      },
    };
  }
  return {
    ...head,
    amountFen: 0,
    policyVersionIds: [],
    basis: {
      rule: 'none',
      headcount,
      days: calendarDays,
      perTraineeFen: 0,
      policyDate: policy.date,
      reason: {
        zh: `${policy.date} 在 ${policy.jurisdiction} 生效的政策对该班（培训类型 ${cls.trainingType}）既未设置按天补贴（subsidies.perDayTraining），也未设置按人定额补贴（subsidies.flatPerPerson）`,
        en: `the policy in force in ${policy.jurisdiction} on ${policy.date} sets neither a per-day subsidy (subsidies.perDayTraining) nor a flat amount (subsidies.flatPerPerson) for this class (training type ${cls.trainingType})`,
      },
    },
  };
}

/** The process manager: ClassApproved → the estimate command, on the class's subsidy stream. */
export function onClassApproved(
  data: Record<string, unknown>,
  policyOn: (jurisdiction: string, date: string) => ResolvedPolicy,
): { streamId: string; command: Omit<EstimateClassSubsidy, 'metadata'> }[] {
  const cls = readApprovedClass(data);
  return [
    {
      streamId: classSubsidyStreamId(cls.classId),
      command: {
        type: 'EstimateClassSubsidy',
        data: estimateClassSubsidy(cls, policyOn(cls.jurisdictionCode, cls.startDate)),
      },
    },
  ];
}

/** One estimate per class: the first approval's (a redelivery or a second approval event changes nothing). */
export const classSubsidyDecider: Decider<EstimateClassSubsidy, ClassSubsidyState, ClassSubsidyEstimated> = {
  initialState: () => ({ estimated: false }),
  evolve: (_state, event) => ({ estimated: true, amountFen: event.data.amountFen }),
  decide: (command, state) =>
    state.estimated ? [] : [{ type: 'ClassSubsidyEstimated.v1', data: command.data }],
};
