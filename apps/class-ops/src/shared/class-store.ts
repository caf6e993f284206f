// The class records beside the event store: what the opening rules read of the local read models
// (the facts of one application) and the class rows written in the same transaction as a class's
// events (which trainees are in which live class: overlaps, repeat training, subsidy limits).
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { ClassEvent } from '../class/domain/class.events';
import type {
  CalendarYear,
  OpeningFacts,
  OtherClass,
  SatisfactionFailureFact,
  WorkerFact,
} from '../class/domain/opening-rules';

type StoredEventLike = { readonly id: string; readonly type: string; readonly data: unknown };
import type { EarmarkFact } from '../class/domain/funds-gate';
import { chainOf, type PolicyVersionFact } from '../class/domain/policy-in-force';

/** Statuses whose trainees count as "in a class" (a rejected, withdrawn or cancelled class does not). */
export const LIVE_STATUSES = ['applied', 'approved', 'awaiting_funds', 'running', 'completed'];

@Injectable()
export class ClassStore {
  readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = `"${config.schema}"`;
  }

  /** Trainees with an accepted check-in in the session. */
  async presentIn(classId: string, sessionNo: number): Promise<number> {
    const { rows } = await this.pool.query<{ present: number }>(
      `select count(distinct worker_id)::int as present from ${this.S}.check_ins
        where class_id = $1 and session_no = $2 and accepted`,
      [classId, sessionNo],
    );
    return rows[0].present;
  }

  /** Per trainee of the roster, the sessions with an accepted check-in. */
  async attendanceOf(classId: string): Promise<{ workerId: string; sessions: number[] }[]> {
    const { rows } = await this.pool.query<{ worker_id: string; sessions: number[] }>(
      `select t.worker_id, coalesce(array_agg(distinct c.session_no) filter (where c.session_no is not null), '{}') as sessions
         from ${this.S}.class_trainees t
         left join ${this.S}.check_ins c on c.class_id = t.class_id and c.worker_id = t.worker_id and c.accepted
        where t.class_id = $1
        group by t.worker_id`,
      [classId],
    );
    return rows.map((r) => ({
      workerId: r.worker_id,
      sessions: r.sessions.map(Number).sort((a, b) => a - b),
    }));
  }

  async classOpeningPolicyOf(classId: string): Promise<Record<string, unknown> | undefined> {
    const { rows } = await this.pool.query(
      `select class_opening_policy from ${this.S}.classes where class_id = $1`,
      [classId],
    );
    return rows[0]?.class_opening_policy;
  }

  async institutionOf(institutionId: string): Promise<{ jurisdiction: string } | undefined> {
    const { rows } = await this.pool.query<{ jurisdiction: string }>(
      `select jurisdiction from ${this.S}.rm_institutions where institution_id = $1`,
      [institutionId],
    );
    return rows[0];
  }

  /** The institution's classes whose satisfaction fell short (certification), not yet rectified. */
  async openSatisfactionFailures(institutionId: string): Promise<SatisfactionFailureFact[]> {
    const { rows } = await this.pool.query(
      `select class_id, satisfaction_share, minimum_share from ${this.S}.rm_satisfaction_failures
        where institution_id = $1 and rectified_by_event is null order by class_id`,
      [institutionId],
    );
    return rows.map((r) => ({
      classId: r.class_id,
      satisfactionShare: r.satisfaction_share,
      minimumShare: r.minimum_share,
    }));
  }

  /** The fund ledger's last word on the class's earmark (read model class-ops-fund-ledger), if any. */
  async earmarkOf(classId: string): Promise<EarmarkFact | undefined> {
    const { rows } = await this.pool.query(
      `select status, amount_fen, available_fen, reason from ${this.S}.rm_earmarks where class_id = $1`,
      [classId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return r.status === 'earmarked'
      ? { status: 'earmarked', amountFen: Number(r.amount_fen) }
      : {
          status: 'refused',
          amountFen: Number(r.amount_fen),
          availableFen: Number(r.available_fen),
          ...(r.reason ? { reason: r.reason } : {}),
        };
  }

  /** RecordRectification, in the transaction of its event: the failures it answers are closed. */
  async markRectified(tx: PoolClient, events: readonly StoredEventLike[]): Promise<void> {
    for (const event of events)
      if (event.type === 'InstitutionRectificationRecorded.v1')
        await tx.query(
          `update ${this.S}.rm_satisfaction_failures set rectified_by_event = $2
            where class_id = any($1::uuid[]) and rectified_by_event is null`,
          [(event.data as { classIds: string[] }).classIds, event.id],
        );
  }

  /** Everything the opening rules need, read from the local read models. */
  async openingFacts(q: {
    institutionId: string;
    jurisdiction: string;
    teacherIds: readonly string[];
    workerIds: readonly string[];
    startDate: string;
  }): Promise<OpeningFacts> {
    const S = this.S;
    const [
      institutions,
      teachers,
      workers,
      employments,
      classes,
      versions,
      calendar,
      rectifying,
      certificates,
    ] = await Promise.all([
      this.pool.query(`select * from ${S}.rm_institutions where institution_id = $1`, [q.institutionId]),
      this.pool.query(
        `select teacher_id, institution_id from ${S}.rm_teachers where teacher_id = any($1::uuid[])`,
        [q.teacherIds],
      ),
      this.pool.query(`select * from ${S}.rm_workers where worker_id = any($1::uuid[])`, [q.workerIds]),
      this.pool.query(
        `select worker_id, employer_credit_code from ${S}.rm_employments
          where worker_id = any($1::uuid[]) and start_date <= $2 and (end_date is null or end_date >= $2)`,
        [q.workerIds, q.startDate],
      ),
      this.pool.query(
        `select t.worker_id, c.class_id, c.start_date, c.end_date, c.occupation_code, c.level
           from ${S}.class_trainees t join ${S}.classes c using (class_id)
          where t.worker_id = any($1::uuid[]) and c.status = any($2::text[])`,
        [q.workerIds, LIVE_STATUSES],
      ),
      this.pool.query(`select * from ${S}.rm_policy_versions where jurisdiction = any($1::text[])`, [
        chainOf(q.jurisdiction),
      ]),
      this.pool.query<{ data: CalendarYear }>(`select data from ${S}.rm_holiday_calendar`),
      this.openSatisfactionFailures(q.institutionId),
      this.pool.query(
        `select certificate_id, worker_id, class_id, occupation_code, level, kind, issued_on
             from ${S}.rm_certificates where worker_id = any($1::uuid[]) and not revoked
            order by issued_on, certificate_id`,
        [q.workerIds],
      ),
    ]);
    const i = institutions.rows[0];
    const classesOf = (workerId: string): OtherClass[] =>
      classes.rows
        .filter((c) => c.worker_id === workerId)
        .map((c) => ({
          classId: c.class_id,
          startDate: c.start_date,
          endDate: c.end_date,
          occupationCode: c.occupation_code,
          level: c.level,
        }));
    return {
      ...(i
        ? {
            institution: {
              institutionId: i.institution_id,
              jurisdiction: i.jurisdiction,
              type: i.type,
              creditCode: i.credit_code,
              status: i.status,
              scope: i.scope,
              disqualifiedYears: i.disqualified_years,
              openSatisfactionFailures: rectifying,
            },
          }
        : {}),
      teachers: teachers.rows.map((t) => ({ teacherId: t.teacher_id, institutionId: t.institution_id })),
      workers: workers.rows.map((w): WorkerFact => ({
        workerId: w.worker_id,
        jurisdiction: w.jurisdiction,
        hukouJurisdiction: w.hukou_jurisdiction,
        residenceJurisdiction: w.residence_jurisdiction,
        ...(w.birth_date ? { birthDate: w.birth_date } : {}),
        ableToWork: w.able_to_work,
        willingToWork: w.willing_to_work,
        ...(w.monthly_pension_entitled === null
          ? {}
          : { monthlyPensionEntitled: w.monthly_pension_entitled }),
        hardToMoveIntoWork: w.hard_to_move_into_work,
        employerCreditCodes: employments.rows
          .filter((e) => e.worker_id === w.worker_id)
          .map((e) => e.employer_credit_code),
        classes: classesOf(w.worker_id),
        certificates: certificates.rows
          .filter((c) => c.worker_id === w.worker_id)
          .map((c) => ({
            certificateId: c.certificate_id,
            ...(c.class_id ? { classId: c.class_id } : {}),
            occupationCode: c.occupation_code,
            level: c.level,
            kind: c.kind,
            issuedOn: c.issued_on,
          })),
      })),
      policyVersions: versions.rows.map((v): PolicyVersionFact => ({
        versionId: v.version_id,
        jurisdiction: v.jurisdiction,
        effectiveFrom: v.effective_from,
        ...(v.effective_until ? { effectiveUntil: v.effective_until } : {}),
        publishedAt: v.published_at,
        parameters: v.parameters,
      })),
      calendar: calendar.rows.map((r) => r.data),
    };
  }

  /** The class rows after `events`, in the command's transaction. */
  async record(
    tx: PoolClient,
    committed: readonly { type: string; data: unknown }[],
    now: string,
    classOpening: { minFaceMatchScore?: number; geofenceRadiusMetres?: number } = {},
  ): Promise<void> {
    const S = this.S;
    for (const event of committed as readonly ClassEvent[]) {
      switch (event.type) {
        case 'ClassApplied.v1': {
          const c = event.data;
          await tx.query(
            `insert into ${S}.classes values ($1, $2, $3, 'applied', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12,
               $13, $14, $15, $16, $17, $18, $19, null)`,
            [
              c.classId,
              c.institutionId,
              c.jurisdictionCode,
              c.occupationCode,
              c.level,
              c.trainingType,
              c.startDate,
              c.endDate,
              c.fundSource,
              c.plannedHeadcount,
              c.keyGroup,
              now,
              JSON.stringify(c.site),
              c.dailyStartTime,
              c.totalHours,
              c.lessonMinutes,
              classOpening.minFaceMatchScore ?? null,
              classOpening.geofenceRadiusMetres ?? null,
              JSON.stringify(classOpening),
            ],
          );
          await this.setRoster(tx, c.classId, c.workerIds);
          break;
        }
        case 'RosterAmended.v1':
          await this.setRoster(tx, event.data.classId, event.data.workerIds);
          await tx.query(
            `update ${S}.classes set planned_headcount = $2, updated_at = $3 where class_id = $1`,
            [event.data.classId, event.data.workerIds.length, now],
          );
          break;
        case 'ClassStarted.v1':
          await tx.query(
            `update ${S}.classes set status = 'running', opening_day_headcount = $2, updated_at = $3 where class_id = $1`,
            [event.data.classId, event.data.openingDayHeadcount, now],
          );
          break;
        case 'ClassCompleted.v1':
        case 'ClassApproved.v1':
        case 'ClassRejected.v1':
        case 'ClassAwaitingFunds.v1':
        case 'ClassReapproved.v1':
        case 'ClassStartWithheld.v1':
        case 'ClassCancelled.v1': {
          const status = {
            'ClassApproved.v1': 'approved',
            'ClassReapproved.v1': 'approved',
            'ClassRejected.v1': 'rejected',
            'ClassAwaitingFunds.v1': 'awaiting_funds',
            'ClassStartWithheld.v1': 'awaiting_funds',
            'ClassCancelled.v1': 'cancelled',
            'ClassCompleted.v1': 'completed',
          }[event.type];
          await tx.query(`update ${S}.classes set status = $2, updated_at = $3 where class_id = $1`, [
            event.data.classId,
            status,
            now,
          ]);
          break;
        }
      }
    }
  }

  private async setRoster(tx: PoolClient, classId: string, workerIds: readonly string[]): Promise<void> {
    await tx.query(
      `delete from ${this.S}.class_trainees where class_id = $1 and not (worker_id = any($2::uuid[]))`,
      [classId, workerIds],
    );
    await tx.query(
      `insert into ${this.S}.class_trainees select $1, unnest($2::uuid[]) on conflict do nothing`,
      [classId, workerIds],
    );
  }
}
