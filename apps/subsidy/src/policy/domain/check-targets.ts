// A target table must add up as its document prints it: the lines to the grand total and to every
// subtotal, each line in the plan's years and within the version's jurisdiction; its shares exact.
import { isWithin, jurisdictionName } from '../../jurisdictions/jurisdiction-directory';
import { checkSharesAndLists } from './check-policy-parameters';
import type { TargetPlan } from './policy-parameters';
import { violation, type PolicyViolation } from './policy-violation';

type Line = TargetPlan['lines'][number];
type Subtotal = NonNullable<TargetPlan['subtotals']>[number];

/** The lines a subtotal covers: equal on every key the subtotal sets. */
export function linesOf(plan: TargetPlan, subtotal: Omit<Subtotal, 'trainees'>): readonly Line[] {
  return plan.lines.filter(
    (line) =>
      (subtotal.jurisdiction === undefined || line.jurisdiction === subtotal.jurisdiction) &&
      (subtotal.year === undefined || line.year === subtotal.year) &&
      (subtotal.programme === undefined || line.programme === subtotal.programme) &&
      (subtotal.trainingType === undefined || line.trainingType === subtotal.trainingType),
  );
}

export const traineesOf = (lines: readonly Line[]): number => lines.reduce((sum, l) => sum + l.trainees, 0);

export function checkTargets(
  plans: readonly TargetPlan[],
  jurisdiction: string,
  at = 'targets',
): PolicyViolation[] {
  const found = checkSharesAndLists(plans, at);
  plans.forEach((plan, p) => checkPlan(plan, jurisdiction, `${at}[${p}]`, found));
  return found;
}

function checkPlan(plan: TargetPlan, jurisdiction: string, at: string, found: PolicyViolation[]): void {
  if (plan.toYear < plan.fromYear) {
    found.push(
      violation(
        `${at}.toYear`,
        `结束年度 ${plan.toYear} 早于起始年度 ${plan.fromYear}`,
        `the last year ${plan.toYear} is before the first year ${plan.fromYear}`,
      ),
    );
  }
  const seen = new Set<string>();
  plan.lines.forEach((line, i) => {
    const path = `${at}.lines[${i}]`;
    checkPlace(line, plan, jurisdiction, path, found);
    const key = JSON.stringify([
      line.jurisdiction,
      line.year,
      line.programme ?? '',
      line.trainingType ?? '',
      line.assignee ?? '',
    ]);
    if (seen.has(key))
      found.push(violation(path, '与前面的某一行重复', 'repeats an earlier line of the same table'));
    seen.add(key);
  });
  const total = traineesOf(plan.lines);
  if (total !== plan.totalTrainees) {
    found.push(
      violation(
        `${at}.totalTrainees`,
        `各行合计 ${total} 人，与合计 ${plan.totalTrainees} 人不符`,
        `the lines add up to ${total}, not the total of ${plan.totalTrainees}`,
      ),
    );
  }
  plan.subtotals?.forEach((subtotal, s) => {
    const path = `${at}.subtotals[${s}]`;
    checkPlace(subtotal, plan, jurisdiction, path, found);
    const sum = traineesOf(linesOf(plan, subtotal));
    if (sum !== subtotal.trainees) {
      found.push(
        violation(
          `${path}.trainees`,
          `对应各行合计 ${sum} 人，与小计 ${subtotal.trainees} 人不符`,
          `its lines add up to ${sum}, not the subtotal of ${subtotal.trainees}`,
        ),
      );
    }
  });
}

function checkPlace(
  row: { readonly jurisdiction?: string; readonly year?: number },
  plan: TargetPlan,
  jurisdiction: string,
  path: string,
  found: PolicyViolation[],
): void {
  if (row.jurisdiction !== undefined && !isWithin(row.jurisdiction, jurisdiction)) {
    found.push(
      violation(
        `${path}.jurisdiction`,
        `${row.jurisdiction} 不在本政策版本的辖区 ${jurisdictionName(jurisdiction)}（${jurisdiction}）之内`,
        `${row.jurisdiction} is not within the version's jurisdiction ${jurisdiction}`,
      ),
    );
  }
  if (row.year !== undefined && (row.year < plan.fromYear || row.year > plan.toYear)) {
    found.push(
      violation(
        `${path}.year`,
        `${row.year} 年不在计划期 ${plan.fromYear}–${plan.toYear} 年之内`,
        `${row.year} is outside the plan's years ${plan.fromYear}–${plan.toYear}`,
      ),
    );
  }
}
