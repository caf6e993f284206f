// The read model of policy versions: one row per version, drafts and published, as the events left it.
// Queries (list, get, effective policy, diff) read it; it is rebuilt from the events at will.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ParameterClause,
  PolicyAssumption,
  PolicyDocument,
  PolicyParameters,
  TargetPlan,
} from '../domain/policy-parameters';

@Entity({ name: 'policy_versions' })
export class PolicyVersionRow {
  @PrimaryColumn('uuid', { name: 'version_id' })
  versionId!: string;

  @Column('text')
  jurisdiction!: string;

  @Column('text')
  status!: 'draft' | 'published';

  @Column('int')
  revision!: number;

  /** 'YYYY-MM-DD' as text: a business date, never shifted by a time zone */
  @Column('text', { name: 'effective_from' })
  effectiveFrom!: string;

  /** the last day in force, where the document has an end */
  @Column('text', { name: 'effective_until', nullable: true })
  effectiveUntil!: string | null;

  @Column('text')
  title!: string;

  @Column('json')
  document!: PolicyDocument;

  @Column('json')
  parameters!: PolicyParameters;

  @Column('json')
  targets!: TargetPlan[];

  @Column('json')
  assumptions!: PolicyAssumption[];

  @Column('json')
  clauses!: ParameterClause[];

  @Column('timestamptz', { name: 'drafted_at' })
  draftedAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('text', { name: 'past_effective_reason', nullable: true })
  pastEffectiveReason!: string | null;
}

/**
 * The table, created idempotently at start (the schema is the service's). `json`, not `jsonb`: the
 * parameters read back in the order the admin wrote them (tiers as fromDay, toDay, amountFen). The
 * columns added later (window, assumptions, clauses) are added to a table that predates them.
 */
export const policyVersionsDdl = (schema: string): string => `
  create table if not exists "${schema}".policy_versions (
    version_id uuid primary key,
    jurisdiction text not null,
    status text not null check (status in ('draft', 'published')),
    revision int not null,
    effective_from text not null,
    title text not null,
    document json not null,
    parameters json not null,
    targets json not null,
    drafted_at timestamptz not null,
    published_at timestamptz,
    published_by text,
    past_effective_reason text
  );
  alter table "${schema}".policy_versions add column if not exists effective_until text;
  alter table "${schema}".policy_versions add column if not exists assumptions json not null default '[]';
  alter table "${schema}".policy_versions add column if not exists clauses json not null default '[]';
  create index if not exists policy_versions_jurisdiction on "${schema}".policy_versions (jurisdiction, status);
`;
