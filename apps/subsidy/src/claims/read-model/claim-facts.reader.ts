// Reads of the claims' local read model (claim-facts.read-model.ts), as the calculators take them.
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { TrainingType } from '@jineng/subsidy-computation';
import {
  policyCategoriesOf,
  type CertificateFact,
  type CompletedClassFacts,
  type EmploymentFact,
  type TraineeAttendance,
  type WorkerFacts,
} from '@jineng/subsidy-computation';

export interface KnownClass {
  readonly classId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly trainingType: TrainingType;
  /** self_run or commissioned (ClassApproved.v1's mode), where the event carried it */
  readonly mode?: string;
  readonly fundSource: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly plannedHeadcount: number;
  readonly workerIds: readonly string[];
  readonly status: 'approved' | 'completed' | 'cancelled';
  /** when completed: the facts a computation needs */
  readonly completed?: CompletedClassFacts;
}

interface ClassRow {
  class_id: string;
  institution_id: string;
  jurisdiction_code: string;
  occupation_code: string;
  level: number;
  training_type: TrainingType;
  mode: string | null;
  fund_source: string;
  start_date: string;
  end_date: string;
  planned_headcount: number;
  worker_ids: string[];
  status: KnownClass['status'];
  completion: {
    daysDelivered: number;
    openingDayHeadcount: number;
    averageInspectedHeadcount?: number;
    averageRuleApplies: boolean;
    trainees: TraineeAttendance[];
  } | null;
}

@Injectable()
export class ClaimFactsReader {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = `"${config.schema}"`;
  }

  async classOf(classId: string): Promise<KnownClass | undefined> {
    const { rows } = await this.pool.query<ClassRow>(
      `select * from ${this.S}.claim_classes where class_id = $1`,
      [classId],
    );
    return rows[0] ? toKnownClass(rows[0]) : undefined;
  }

  async certificatesOf(workerIds: readonly string[]): Promise<CertificateFact[]> {
    const { rows } = await this.pool.query<{
      certificate_id: string;
      worker_id: string;
      class_id: string | null;
      occupation_code: string;
      level: number;
      kind: string;
      issued_on: string;
      revoked: boolean;
    }>(
      `select * from ${this.S}.claim_certificates where worker_id = any($1::text[]) order by issued_on, certificate_id`,
      [workerIds],
    );
    return rows.map((r) => ({
      certificateId: r.certificate_id,
      workerId: r.worker_id,
      ...(r.class_id ? { classId: r.class_id } : {}),
      occupationCode: r.occupation_code,
      level: r.level,
      kind: r.kind,
      issuedOn: r.issued_on,
      revoked: r.revoked,
    }));
  }

  async employmentsOf(workerIds: readonly string[]): Promise<EmploymentFact[]> {
    const { rows } = await this.pool.query<{
      employment_id: string;
      worker_id: string;
      start_date: string;
      evidence_kind: string;
      evidence_reference: string;
    }>(`select * from ${this.S}.claim_employments where worker_id = any($1::text[]) order by start_date`, [
      workerIds,
    ]);
    return rows.map((r) => ({
      employmentId: r.employment_id,
      workerId: r.worker_id,
      startDate: r.start_date,
      evidenceKind: r.evidence_kind,
      evidenceReference: r.evidence_reference,
    }));
  }

  async workersOf(workerIds: readonly string[]): Promise<Map<string, WorkerFacts>> {
    const { rows } = await this.pool.query<{ worker_id: string; category: string; key_groups: string[] }>(
      `select worker_id, category, key_groups from ${this.S}.claim_workers where worker_id = any($1::text[])`,
      [workerIds],
    );
    return new Map(
      rows.map((r) => [
        r.worker_id,
        { workerId: r.worker_id, categories: policyCategoriesOf(r.category, r.key_groups) },
      ]),
    );
  }
}

function toKnownClass(r: ClassRow): KnownClass {
  const base = {
    classId: r.class_id,
    institutionId: r.institution_id,
    jurisdictionCode: r.jurisdiction_code,
    occupationCode: r.occupation_code,
    level: r.level,
    trainingType: r.training_type,
    fundSource: r.fund_source,
    startDate: r.start_date,
    endDate: r.end_date,
  };
  return {
    ...base,
    plannedHeadcount: r.planned_headcount,
    ...(r.mode ? { mode: r.mode } : {}),
    workerIds: r.worker_ids,
    status: r.status,
    ...(r.status === 'completed' && r.completion
      ? {
          completed: {
            ...base,
            daysDelivered: r.completion.daysDelivered,
            openingDayHeadcount: r.completion.openingDayHeadcount,
            ...(r.completion.averageInspectedHeadcount !== undefined
              ? { averageInspectedHeadcount: r.completion.averageInspectedHeadcount }
              : {}),
            averageRuleApplies: r.completion.averageRuleApplies,
            trainees: r.completion.trainees.map((t) => ({
              workerId: t.workerId,
              daysAttended: t.daysAttended,
              sessionsAttended: t.sessionsAttended,
              sessionsTotal: t.sessionsTotal,
            })),
          },
        }
      : {}),
  };
}
