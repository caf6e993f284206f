// The read model of policy versions: one row per version, drafts and published, as the events left it.
// Queries (list, get, effective policy, diff) read it; it is rebuilt from the events at will.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ParameterClause,
  PolicyAssumption,
  PolicyDocument,
  PolicyParameters,
  TargetPlan,
} from '@jineng/subsidy-computation';

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
