// Policy versions as the replies show them (the contract's PolicyVersion and PolicyVersionSummary),
// from the decider's state after a command or from a read-model row.
import type { subsidyV1 } from '@jineng/contracts';
import { jurisdictionName } from '@jineng/subsidy-computation';
import type { DraftState, PublishedState } from './domain/policy-version.state';
import type { PublishedVersion, Supersession } from '@jineng/subsidy-computation';
import type { PolicyVersionRow } from './read-model/policy-version.entity';

/** A version as both sources have it: ISO instants, optional fields left out. */
export type PolicyVersionRecord = Omit<DraftState, 'status'> & {
  readonly status: 'draft' | 'published';
  readonly publishedAt?: string;
  readonly publishedBy?: string;
  readonly pastEffectiveReason?: string;
};

export const recordOfState = (state: DraftState | PublishedState): PolicyVersionRecord => state;

export function recordOfRow(row: PolicyVersionRow): PolicyVersionRecord {
  return {
    versionId: row.versionId,
    jurisdiction: row.jurisdiction,
    status: row.status,
    revision: row.revision,
    effectiveFrom: row.effectiveFrom,
    ...(row.effectiveUntil ? { effectiveUntil: row.effectiveUntil } : {}),
    title: row.title,
    document: row.document,
    parameters: row.parameters,
    targets: row.targets,
    assumptions: row.assumptions ?? [],
    clauses: row.clauses ?? [],
    draftedAt: row.draftedAt.toISOString(),
    ...(row.publishedAt ? { publishedAt: row.publishedAt.toISOString() } : {}),
    ...(row.publishedBy ? { publishedBy: row.publishedBy } : {}),
    ...(row.pastEffectiveReason ? { pastEffectiveReason: row.pastEffectiveReason } : {}),
  };
}

/** What resolution needs; only for published records. */
export function publishedVersionOf(record: PolicyVersionRecord): PublishedVersion & PolicyVersionRecord {
  if (record.status !== 'published' || !record.publishedAt) {
    throw new TypeError(`policy version ${record.versionId} is not published`);
  }
  return { ...record, publishedAt: record.publishedAt };
}

export function policyVersionView(
  record: PolicyVersionRecord,
  supersession?: Supersession,
): subsidyV1.PolicyVersion {
  return {
    versionId: record.versionId,
    jurisdiction: record.jurisdiction,
    jurisdictionName: jurisdictionName(record.jurisdiction),
    status: record.status,
    revision: record.revision,
    effectiveFrom: record.effectiveFrom,
    ...(record.effectiveUntil ? { effectiveUntil: record.effectiveUntil } : {}),
    title: record.title,
    document: record.document,
    parameters: record.parameters,
    targets: record.targets,
    assumptions: record.assumptions,
    clauses: record.clauses,
    draftedAt: record.draftedAt,
    ...optional(record, supersession),
  };
}

export function policyVersionSummary(
  record: PolicyVersionRecord,
  supersession?: Supersession,
): subsidyV1.PolicyVersionSummary {
  const { publishedAt, supersededFrom, supersededBy } = optional(record, supersession);
  return {
    versionId: record.versionId,
    jurisdiction: record.jurisdiction,
    jurisdictionName: jurisdictionName(record.jurisdiction),
    status: record.status,
    revision: record.revision,
    effectiveFrom: record.effectiveFrom,
    ...(record.effectiveUntil ? { effectiveUntil: record.effectiveUntil } : {}),
    title: record.title,
    document: record.document,
    ...(publishedAt ? { publishedAt } : {}),
    ...(supersededFrom ? { supersededFrom, supersededBy } : {}),
  };
}

function optional(record: PolicyVersionRecord, supersession: Supersession | undefined) {
  return {
    ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
    ...(record.publishedBy ? { publishedBy: record.publishedBy } : {}),
    ...(record.pastEffectiveReason ? { pastEffectiveReason: record.pastEffectiveReason } : {}),
    ...(supersession
      ? { supersededFrom: supersession.supersededFrom, supersededBy: supersession.supersededBy }
      : {}),
  };
}
