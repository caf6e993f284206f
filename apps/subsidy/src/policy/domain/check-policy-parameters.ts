// Rules of a parameter set beyond its contract (which already checks types, ranges, allowed values and
// unknown keys): shares with at most four decimal places, per-day tiers from day 1 without gaps or
// overlaps, tranches that add up to the whole, no value listed twice, usual ≤ maximum, a living
// allowance rate with one amount, eligibility ranges that make sense.
import { chainOf } from '@jineng/subsidy-computation';
import type { PolicyParameters } from '@jineng/subsidy-computation';
import { violation, type PolicyViolation } from '@jineng/subsidy-computation';

/** Four decimal places: a share is exact in basis points, and so converts to an exact Rate. */
const SHARE = /^(0|1|0\.\d{1,4}|1\.0{1,4})$/;

/** The rules of `parameters` as set by a version of `jurisdiction`. */
export function checkPolicyParameters(
  parameters: PolicyParameters,
  jurisdiction: string,
  at = 'parameters',
): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  checkSharesAndLists(parameters, at, found);
  checkPerDayTiers(parameters, at, found);
  checkTranches(parameters, at, found);
  checkFlatPerPerson(parameters, at, found);
  checkClassOpening(parameters, at, found);
  checkLivingAllowance(parameters, jurisdiction, at, found);
  checkEligibility(parameters, at, found);
  checkCertificatesAndFunds(parameters, at, found);
  return found;
}

/**
 * Every non-integer number of a parameter set (or a target table) is a share or a score from 0 to 1,
 * and a list of strings is a set.
 */
export function checkSharesAndLists(
  value: unknown,
  path: string,
  found: PolicyViolation[] = [],
): PolicyViolation[] {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) && !SHARE.test(String(value))) {
      found.push(
        violation(
          path,
          `比例最多保留四位小数（如 0.65），实际为 ${value}`,
          `a share has at most four decimal places (e.g. 0.65), got ${value}`,
        ),
      );
    }
  } else if (Array.isArray(value)) {
    const seen = new Set<string>();
    value.forEach((item, i) => {
      if (typeof item === 'string') {
        if (seen.has(item))
          found.push(violation(`${path}[${i}]`, `重复列出 ${item}`, `${item} is listed twice`));
        seen.add(item);
      } else {
        checkSharesAndLists(item, `${path}[${i}]`, found);
      }
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) checkSharesAndLists(item, `${path}.${key}`, found);
  }
  return found;
}

function checkPerDayTiers(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const perDay = parameters.subsidies?.perDayTraining;
  if (!perDay) return;
  const base = `${at}.subsidies.perDayTraining`;
  let expectedFrom = 1;
  perDay.tiers.forEach((tier, i) => {
    const path = `${base}.tiers[${i}]`;
    if (tier.fromDay !== expectedFrom) {
      found.push(
        violation(
          `${path}.fromDay`,
          i === 0
            ? `第一档应从第 1 天开始，实际从第 ${tier.fromDay} 天开始`
            : `各档应首尾相接、不重叠：本档应从第 ${expectedFrom} 天开始，实际从第 ${tier.fromDay} 天开始`,
          i === 0
            ? `the first tier starts on day 1, not day ${tier.fromDay}`
            : `tiers follow each other without gap or overlap: this one starts on day ${expectedFrom}, not day ${tier.fromDay}`,
        ),
      );
    }
    if (tier.toDay < tier.fromDay) {
      found.push(
        violation(
          `${path}.toDay`,
          `截止天数 ${tier.toDay} 早于起始天数 ${tier.fromDay}`,
          `the last day ${tier.toDay} is before the first day ${tier.fromDay}`,
        ),
      );
    }
    expectedFrom = tier.toDay + 1;
  });
  const last = perDay.tiers.at(-1);
  if (last && perDay.maxDays !== undefined && last.toDay > perDay.maxDays) {
    found.push(
      violation(
        `${base}.tiers[${perDay.tiers.length - 1}].toDay`,
        `补贴档位到第 ${last.toDay} 天，超过最长补贴天数 ${perDay.maxDays}`,
        `the tiers reach day ${last.toDay}, past the day cap of ${perDay.maxDays}`,
      ),
    );
  }
}

function checkTranches(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const tranches = parameters.subsidies?.tranches;
  if (!tranches) return;
  const base = `${at}.subsidies.tranches`;
  const basisPoints = (share: number) => Math.round(share * 10_000);
  if (basisPoints(tranches.onCertificateShare) + basisPoints(tranches.onEmploymentShare) !== 10_000) {
    found.push(
      violation(
        `${base}.onEmploymentShare`,
        `两段比例之和应为 1：${tranches.onCertificateShare} + ${tranches.onEmploymentShare}`,
        `the two tranches add up to 1: ${tranches.onCertificateShare} + ${tranches.onEmploymentShare} does not`,
      ),
    );
  }
  if (tranches.onEmploymentShare > 0 && tranches.employmentWithinMonths === undefined) {
    found.push(
      violation(
        `${base}.employmentWithinMonths`,
        '有就业段时须规定实现就业的期限（月）',
        'an employment tranche needs the months within which employment counts',
      ),
    );
  }
}

function checkFlatPerPerson(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const seen = new Set<string>();
  parameters.subsidies?.flatPerPerson?.forEach((flat, i) => {
    if (seen.has(flat.trainingType)) {
      found.push(
        violation(
          `${at}.subsidies.flatPerPerson[${i}].trainingType`,
          `培训类型 ${flat.trainingType} 重复定额`,
          `training type ${flat.trainingType} has two flat amounts`,
        ),
      );
    }
    seen.add(flat.trainingType);
  });
}

function checkClassOpening(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const rules = parameters.classOpening;
  if (!rules) return;
  const base = `${at}.classOpening`;
  const notAbove = (
    smaller: keyof typeof rules,
    larger: keyof typeof rules,
    zh: string,
    en: string,
  ): void => {
    const a = rules[smaller];
    const b = rules[larger];
    if (typeof a === 'number' && typeof b === 'number' && a > b) {
      found.push(
        violation(
          `${base}.${smaller}`,
          `${zh}（${a}）超过上限 ${b}`,
          `${en} (${a}) exceeds the maximum ${b}`,
        ),
      );
    }
  };
  notAbove('maxKeyGroupClassSize', 'maxClassSize', '重点人群班额', 'the key-group class size');
  notAbove('typicalDurationDays', 'maxDurationDays', '一般培训天数', 'the usual number of days');
  notAbove('typicalDurationHours', 'maxDurationHours', '一般培训课时', 'the usual number of class hours');
}

function checkLivingAllowance(
  parameters: PolicyParameters,
  jurisdiction: string,
  at: string,
  found: PolicyViolation[],
): void {
  const above = chainOf(jurisdiction).slice(1);
  parameters.subsidies?.livingAllowance?.rates.forEach((rate, i) => {
    const path = `${at}.subsidies.livingAllowance.rates[${i}]`;
    if ((rate.perDayFen === undefined) === (rate.rateOf === undefined)) {
      found.push(
        violation(
          path,
          '每档须且只须给出一个标准：每日金额（perDayFen）或所依照的上级辖区（rateOf）',
          'a rate gives exactly one amount: per day (perDayFen) or the level above whose rate applies (rateOf)',
        ),
      );
    }
    if (rate.rateOf !== undefined && !above.includes(rate.rateOf)) {
      found.push(
        violation(
          `${path}.rateOf`,
          `${rate.rateOf} 不是本辖区 ${jurisdiction} 的上级`,
          `${rate.rateOf} is not a level above ${jurisdiction}`,
        ),
      );
    }
  });
}

function checkEligibility(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const difficulty = parameters.trainees?.employmentDifficulty;
  if (
    difficulty &&
    (difficulty.olderUnemployedMenMinAge === undefined) !==
      (difficulty.olderUnemployedWomenMinAge === undefined)
  ) {
    found.push(
      violation(
        `${at}.trainees.employmentDifficulty`,
        '大龄失业人员须同时给出男、女的年龄',
        'older unemployed persons need both the men’s and the women’s age',
      ),
    );
  }
  const registry = parameters.trainees?.registry;
  if (registry && registry.minAge > registry.maxAge) {
    found.push(
      violation(
        `${at}.trainees.registry.maxAge`,
        `最高年龄 ${registry.maxAge} 低于最低年龄 ${registry.minAge}`,
        `the highest age ${registry.maxAge} is below the lowest ${registry.minAge}`,
      ),
    );
  }
  const free = parameters.subsidies?.freeTraining;
  if (free && free.eligibleCategories === undefined && free.groupsAsNamed === undefined) {
    found.push(
      violation(
        `${at}.subsidies.freeTraining`,
        '须列出适用人员类别，或照录文件对人群的称呼',
        'list the categories it is for, or the groups as the document names them',
      ),
    );
  }
}

function checkCertificatesAndFunds(parameters: PolicyParameters, at: string, found: PolicyViolation[]): void {
  const rule = parameters.assessment?.trainingCertificate;
  rule?.temporaryException?.acceptedFor.forEach((kind, i) => {
    if (!rule.notAcceptedFor.includes(kind)) {
      found.push(
        violation(
          `${at}.assessment.trainingCertificate.temporaryException.acceptedFor[${i}]`,
          `${kind} 不在不认可培训合格证书的类别之中，无须例外`,
          `${kind} is not among the kinds where a training-qualified certificate is refused: no exception needed`,
        ),
      );
    }
  });
  const sources = new Set<string>();
  parameters.fundSources?.limits?.forEach((limit, i) => {
    const path = `${at}.fundSources.limits[${i}]`;
    if (limit.onlyFor === undefined && limit.excludedTrainees === undefined) {
      found.push(
        violation(
          path,
          '须给出该资金的用途（onlyFor）或不得培训的人员（excludedTrainees）',
          'give what the source pays for (onlyFor) or whom it never trains (excludedTrainees)',
        ),
      );
    }
    if (sources.has(limit.fundSource)) {
      found.push(
        violation(
          `${path}.fundSource`,
          `资金来源 ${limit.fundSource} 的使用范围重复`,
          `${limit.fundSource} is limited twice`,
        ),
      );
    }
    sources.add(limit.fundSource);
  });
}
