// Reads of the service's tables: the local read models (classes, policy versions) and the rows its
// own commands write (recognitions, certificates). Handlers read facts here and hand them to the pure
// deciders in the command's data.
import {
  DeadlineScheduler,
  PG_POOL,
  SERVICE_CONFIG,
  ServiceLifecycle,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import type { CertificateKind } from '../shared/certificate-kinds';
import type { ClassFacts } from './class-facts';
import { classesReadModel, policyReadModel, registryReadModel } from './local-read-models';
import type { KnownPolicyVersion } from './policy-resolution';

@Injectable()
export class CertificationReads implements OnModuleInit {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly lifecycle: ServiceLifecycle,
    private readonly deadlines: DeadlineScheduler,
  ) {
    this.S = `"${config.schema}"`;
  }

  onModuleInit(): void {
    this.lifecycle.readModel(classesReadModel(this.config.schema, this.deadlines));
    this.lifecycle.readModel(policyReadModel(this.config.schema));
    this.lifecycle.readModel(registryReadModel(this.config.schema));
  }

  async classFacts(classId: string): Promise<ClassFacts | undefined> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `select * from ${this.S}.class_facts where class_id = $1`,
      [classId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      classId: row.class_id as string,
      institutionId: row.institution_id as string,
      jurisdictionCode: row.jurisdiction_code as string,
      occupationCode: row.occupation_code as string,
      level: row.level as number,
      trainingType: row.training_type as string,
      startDate: row.start_date as string,
      endDate: row.end_date as string,
      workerIds: row.worker_ids as string[],
      status: row.status as ClassFacts['status'],
      trainees: row.trainees as ClassFacts['trainees'],
      policyVersionIds: row.policy_version_ids as string[],
    };
  }

  /** The published versions of the jurisdiction's chain (resolution picks those in force). */
  async policyVersions(chain: readonly string[]): Promise<KnownPolicyVersion[]> {
    const { rows } = await this.pool.query<{
      version_id: string;
      jurisdiction: string;
      effective_from: string;
      effective_until: string | null;
      published_at: string;
      parameters: KnownPolicyVersion['parameters'];
    }>(`select * from ${this.S}.policy_versions where jurisdiction = any($1)`, [chain]);
    return rows.map((row) => ({
      versionId: row.version_id,
      jurisdiction: row.jurisdiction,
      effectiveFrom: row.effective_from,
      ...(row.effective_until ? { effectiveUntil: row.effective_until } : {}),
      publishedAt: row.published_at,
      parameters: row.parameters,
    }));
  }

  /** The kinds some recognised body certifies for this occupation and level on `date`. */
  async kindsOffered(occupationCode: string, level: number, date: string): Promise<CertificateKind[]> {
    const { rows } = await this.pool.query<{ kind: CertificateKind }>(
      `select distinct kind from ${this.S}.evaluation_body_recognitions
        where occupation_code = $1 and level = $2 and valid_from <= $3
          and (valid_until is null or valid_until >= $3)
        order by kind`,
      [occupationCode, level, date],
    );
    return rows.map((row) => row.kind);
  }

  /** The institution's jurisdiction as the registry told it. */
  async institutionJurisdiction(institutionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ jurisdiction_code: string }>(
      `select jurisdiction_code from ${this.S}.institutions where institution_id = $1`,
      [institutionId],
    );
    return rows[0]?.jurisdiction_code;
  }

  /** The jurisdiction of the institution's latest class (when the registry has not told its own). */
  async jurisdictionOfClassesOf(institutionId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ jurisdiction_code: string }>(
      `select jurisdiction_code from ${this.S}.class_facts where institution_id = $1 order by end_date desc limit 1`,
      [institutionId],
    );
    return rows[0]?.jurisdiction_code;
  }

  get schema(): string {
    return this.config.schema;
  }
}
