// What changed between two policy versions, parameter by parameter (a parameter is compared whole,
// as it is resolved whole), plus which other fields differ.
import { PARAMETERS, valueAt, type ParameterPath } from '@jineng/subsidy-computation';
import type { PolicyVersionContent } from './policy-version.state';
import { sameJson } from './same-json';

export type ParameterChange =
  | { readonly parameter: ParameterPath; readonly change: 'added'; readonly after: unknown }
  | { readonly parameter: ParameterPath; readonly change: 'removed'; readonly before: unknown }
  | {
      readonly parameter: ParameterPath;
      readonly change: 'changed';
      readonly before: unknown;
      readonly after: unknown;
    };

const OTHER_FIELDS = [
  'jurisdiction',
  'effectiveFrom',
  'effectiveUntil',
  'title',
  'document',
  'targets',
  'assumptions',
  'clauses',
] as const;

export type OtherDifference = (typeof OTHER_FIELDS)[number];

export interface PolicyDiff {
  readonly changes: readonly ParameterChange[];
  readonly otherDifferences: readonly OtherDifference[];
}

export function diffPolicyVersions(from: PolicyVersionContent, to: PolicyVersionContent): PolicyDiff {
  const changes: ParameterChange[] = [];
  for (const entry of PARAMETERS) {
    const before = valueAt(from.parameters, entry);
    const after = valueAt(to.parameters, entry);
    if (before === undefined && after === undefined) continue;
    if (before === undefined) changes.push({ parameter: entry.path, change: 'added', after });
    else if (after === undefined) changes.push({ parameter: entry.path, change: 'removed', before });
    else if (!sameJson(before, after))
      changes.push({ parameter: entry.path, change: 'changed', before, after });
  }
  return { changes, otherDifferences: OTHER_FIELDS.filter((field) => !sameJson(from[field], to[field])) };
}
