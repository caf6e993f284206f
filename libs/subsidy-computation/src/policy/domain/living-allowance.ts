// The living allowance a trainee gets per day of training, read from the policy in force: the first
// rate that covers one of the trainee's categories and whose conditions hold. A rate may give its own
// amount or defer to a level above (Guigang's other groups get 广西's rate): then the amount is that
// level's, or "not set" — with the reason — until that level publishes it. Never a default.
import type { subsidyV1 } from '@jineng/contracts';
import type { TraineeCategory } from './policy-parameters';
import { lookupParameter, type ParameterLookup, type ResolvedPolicy } from './resolve-policy';

type Rate = subsidyV1.LivingAllowanceRate;

export interface AllowanceTrainee {
  readonly categories: readonly TraineeCategory[];
  /** the training is free training (免费职业技能培训) */
  readonly freeTraining: boolean;
}

export type LivingAllowanceAnswer =
  | {
      readonly kind: 'per_day';
      readonly perDayFen: number;
      /** the rate that applies, with its conditions (includes transport, fronted by the institution, …) */
      readonly rate: Rate;
      /** the version and level the rule comes from, and the level whose amount it is */
      readonly versionId: string;
      readonly jurisdiction: string;
      readonly amountOf: string;
    }
  | { readonly kind: 'amount_not_set'; readonly rate: Rate; readonly reason: Reason }
  | { readonly kind: 'not_eligible'; readonly reason: Reason }
  | { readonly kind: 'not_set'; readonly reason: Reason };

interface Reason {
  readonly zh: string;
  readonly en: string;
}

export function livingAllowanceFor(
  resolved: ResolvedPolicy,
  trainee: AllowanceTrainee,
): LivingAllowanceAnswer {
  const found = lookupParameter(resolved, 'subsidies', 'livingAllowance');
  if (!found.set) return { kind: 'not_set', reason: found.reason };
  const rate = rateFor(found.value.rates, trainee);
  if (!rate) {
    return {
      kind: 'not_eligible',
      reason: {
        zh: `${found.jurisdiction} 的生活费补贴不适用于该学员（人员类别：${trainee.categories.join('、') || '无'}${trainee.freeTraining ? '，免费培训' : ''}）`,
        en: `the living allowance of ${found.jurisdiction} does not cover this trainee (categories: ${trainee.categories.join(', ') || 'none'}${trainee.freeTraining ? ', free training' : ''})`,
      },
    };
  }
  return amountOf(resolved, found, rate, trainee);
}

const rateFor = (rates: readonly Rate[], trainee: AllowanceTrainee): Rate | undefined =>
  rates.find(
    (rate) =>
      rate.eligibleCategories.some((category) => trainee.categories.includes(category)) &&
      (!rate.freeTrainingOnly || trainee.freeTraining),
  );

function amountOf(
  resolved: ResolvedPolicy,
  found: Extract<ParameterLookup<subsidyV1.LivingAllowance>, { set: true }>,
  rate: Rate,
  trainee: AllowanceTrainee,
): LivingAllowanceAnswer {
  const { versionId, jurisdiction } = found;
  if (rate.perDayFen !== undefined) {
    return {
      kind: 'per_day',
      perDayFen: rate.perDayFen,
      rate,
      versionId,
      jurisdiction,
      amountOf: jurisdiction,
    };
  }
  const level = rate.rateOf!;
  // the level's own rate for the trainee, as its version in force on the date sets it
  const levelRate = resolved.inForce
    .filter((version) => version.jurisdiction === level)
    .flatMap((version) => version.parameters.subsidies?.livingAllowance?.rates ?? [])
    .filter((candidate) => candidate.perDayFen !== undefined);
  const matching = rateFor(levelRate, trainee);
  if (matching?.perDayFen !== undefined) {
    return { kind: 'per_day', perDayFen: matching.perDayFen, rate, versionId, jurisdiction, amountOf: level };
  }
  return {
    kind: 'amount_not_set',
    rate,
    reason: {
      zh: `${jurisdiction} 的政策规定该学员的生活费补贴按 ${level} 的标准执行，而 ${resolved.date} 在 ${level} 生效的政策未设置该标准`,
      en: `the policy of ${jurisdiction} pays this trainee's living allowance at the rate of ${level}, which no policy in force in ${level} on ${resolved.date} sets`,
    },
  };
}
