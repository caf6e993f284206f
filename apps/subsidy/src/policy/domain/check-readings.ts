// How a version reads its document: the validity window, the assumptions it takes where the document
// is silent, the clauses it quotes. Each must be about something the version has: an assumption about
// the end date needs an end date and says what the date is; a clause names a known parameter, once.
import { isParameterPath, parameterEntry, valueAt } from '@jineng/subsidy-computation';
import type { PolicyVersionContent } from './policy-version.state';
import { violation, type PolicyViolation } from '@jineng/subsidy-computation';

export function checkVersionDates(content: PolicyVersionContent): PolicyViolation[] {
  const { effectiveFrom, effectiveUntil } = content;
  if (effectiveUntil === undefined || effectiveUntil >= effectiveFrom) return [];
  return [
    violation(
      'effectiveUntil',
      `截止日期 ${effectiveUntil} 早于生效日期 ${effectiveFrom}`,
      `the last day ${effectiveUntil} is before the effective date ${effectiveFrom}`,
    ),
  ];
}

export function checkReadings(content: PolicyVersionContent): PolicyViolation[] {
  return [...checkAssumptions(content), ...checkClauses(content)];
}

function checkAssumptions(content: PolicyVersionContent): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const seen = new Set<string>();
  content.assumptions.forEach(({ about, assumed }, i) => {
    const path = `assumptions[${i}]`;
    if (seen.has(about)) {
      found.push(violation(`${path}.about`, `重复说明 ${about}`, `${about} is explained twice`));
    }
    seen.add(about);
    if (about === 'effectiveFrom' || about === 'effectiveUntil') {
      const actual = content[about];
      if (actual !== assumed) {
        found.push(
          violation(
            `${path}.assumed`,
            `所述 ${about} 为 ${assumed}，而本版本为 ${actual ?? '未设置'}`,
            `it assumes ${about} ${assumed}, the version has ${actual ?? 'none'}`,
          ),
        );
      }
    } else if (!isParameterPath(about)) {
      found.push(
        violation(
          `${path}.about`,
          `${about} 既不是日期字段也不是已知参数`,
          `${about} is neither a date of the version nor a known parameter`,
        ),
      );
    } else if (valueAt(content.parameters, parameterEntry(about)) === undefined) {
      found.push(
        violation(`${path}.about`, `本版本未设置参数 ${about}`, `the version does not set ${about}`),
      );
    }
  });
  return found;
}

function checkClauses(content: PolicyVersionContent): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  const seen = new Set<string>();
  content.clauses.forEach(({ parameter }, i) => {
    const path = `clauses[${i}].parameter`;
    if (!isParameterPath(parameter)) {
      found.push(violation(path, `未知参数 ${parameter}`, `unknown parameter ${parameter}`));
    } else if (seen.has(parameter)) {
      found.push(violation(path, `参数 ${parameter} 的条款重复`, `${parameter} is quoted twice`));
    }
    seen.add(parameter);
  });
  return found;
}
