// A target table must add up as its document prints it: the lines to the grand total and to every
// subtotal, each part it names within the lines it belongs to, each line in the plan's years and within
// the version's jurisdiction, no line counted twice (one inside another); its shares exact.
import { isWithin, jurisdictionName } from '@jineng/subsidy-computation';
import { checkSharesAndLists } from './check-policy-parameters';
import type { TargetPlan } from '@jineng/subsidy-computation';
import { violation, type PolicyViolation } from '@jineng/subsidy-computation';

type Line = TargetPlan['lines'][number];
type Subtotal = NonNullable<TargetPlan['subtotals']>[number];
type Portion = NonNullable<TargetPlan['portions']>[number];

/** What a subtotal or portion selects: the keys it sets. */
export type LineSelector = Omit<Subtotal, 'trainees'>;

/**
 * Whether a line is in the place a selector names: a jurisdiction as a whole holds the lines within it
 * (its own level's included); its own level (ownLevel) only the own-level lines of that jurisdiction.
 */
function inPlace(line: Line, selector: LineSelector): boolean {
  if (selector.jurisdiction === undefined) return true;
  if (selector.ownLevel) return line.ownLevel === true && line.jurisdiction === selector.jurisdiction;
  return isWithin(line.jurisdiction, selector.jurisdiction);
}

const sameKind = (line: Line, selector: LineSelector) =>
  (selector.programme === undefined || line.programme === selector.programme) &&
  (selector.trainingType === undefined || line.trainingType === selector.trainingType);

/**
 * The lines a subtotal covers: in its place, of its year and kind. A line without a year (the whole
 * plan period) is in no single year's subtotal.
 */
export function linesOf(plan: TargetPlan, selector: LineSelector): readonly Line[] {
  return plan.lines.filter(
    (line) =>
      inPlace(line, selector) &&
      (selector.year === undefined || line.year === selector.year) &&
      sameKind(line, selector),
  );
}

/** The lines a portion is part of: as linesOf, but a line without a year holds every year's part. */
export function linesHolding(plan: TargetPlan, portion: LineSelector): readonly Line[] {
  return plan.lines.filter(
    (line) =>
      inPlace(line, portion) &&
      (portion.year === undefined || line.year === undefined || line.year === portion.year) &&
      sameKind(line, portion),
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
  plan.lines.forEach((line, i) => {
    const path = `${at}.lines[${i}]`;
    checkPlace(line, plan, jurisdiction, path, found);
    const earlier = plan.lines.findIndex((other, j) => j < i && (holds(other, line) || holds(line, other)));
    if (earlier < 0) return;
    const other = plan.lines[earlier]!;
    found.push(
      holds(other, line) && holds(line, other)
        ? violation(path, '与前面的某一行重复', 'repeats an earlier line of the same table')
        : violation(
            path,
            `与第 ${earlier + 1} 行重叠（一行包含另一行），人数会被重复计算`,
            `overlaps line ${earlier + 1} (one holds the other): its trainees would count twice`,
          ),
    );
  });
  const total = traineesOf(plan.lines);
  if (plan.totalTrainees !== undefined && total !== plan.totalTrainees) {
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
  plan.portions?.forEach((portion: Portion, p) => {
    const path = `${at}.portions[${p}]`;
    checkPlace(portion, plan, jurisdiction, path, found);
    const lines = linesHolding(plan, portion);
    const sum = traineesOf(lines);
    if (lines.length === 0 || portion.trainees > sum) {
      found.push(
        violation(
          `${path}.trainees`,
          `“${portion.label}” ${portion.trainees} 人，超过其所属各行合计 ${sum} 人`,
          `“${portion.label}” (${portion.trainees}) exceeds the ${sum} of the lines it is part of`,
        ),
      );
    }
  });
}

/** Whether line `a` holds line `b`: b's place is within a's, and a's year and kind are b's or left open. */
function holds(a: Line, b: Line): boolean {
  const place = a.ownLevel
    ? b.ownLevel === true && b.jurisdiction === a.jurisdiction
    : isWithin(b.jurisdiction, a.jurisdiction);
  const open = <T>(x: T | undefined, y: T | undefined) => x === undefined || x === y;
  return (
    place &&
    open(a.year, b.year) &&
    open(a.programme, b.programme) &&
    open(a.trainingType, b.trainingType) &&
    open(a.assignee, b.assignee)
  );
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
