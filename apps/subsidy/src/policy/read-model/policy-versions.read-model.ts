// Reads of the policy_versions table for the queries. The table holds a few versions per
// jurisdiction, so the filters that need the jurisdiction tree run in memory.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { supersessions, type Supersession } from '@jineng/subsidy-computation';
import { publishedVersionOf, recordOfRow, type PolicyVersionRecord } from '../policy-version.views';
import { PolicyVersionRow } from './policy-version.entity';

export const POLICY_DATA_SOURCE = Symbol('POLICY_DATA_SOURCE');

@Injectable()
export class PolicyVersionsReadModel {
  constructor(@Inject(POLICY_DATA_SOURCE) private readonly dataSource: DataSource) {}

  private get rows() {
    return this.dataSource.getRepository(PolicyVersionRow);
  }

  async find(versionId: string): Promise<PolicyVersionRecord | undefined> {
    const row = await this.rows.findOneBy({ versionId });
    return row ? recordOfRow(row) : undefined;
  }

  /** Published versions of these jurisdictions, for resolution and supersession. */
  async publishedIn(jurisdictions: readonly string[]) {
    const rows = await this.rows.findBy({ jurisdiction: In([...jurisdictions]), status: 'published' });
    return rows.map((row) => publishedVersionOf(recordOfRow(row)));
  }

  async all(status?: 'draft' | 'published'): Promise<PolicyVersionRecord[]> {
    const rows = await this.rows.find({
      where: status ? { status } : {},
      order: { jurisdiction: 'ASC', effectiveFrom: 'ASC', draftedAt: 'ASC' },
    });
    return rows.map(recordOfRow);
  }

  /** When and by which version each published version of these jurisdictions is superseded. */
  async supersessionsIn(jurisdictions: readonly string[]): Promise<ReadonlyMap<string, Supersession>> {
    return supersessions(await this.publishedIn(jurisdictions));
  }
}
