// The employment tranche's wiring: opened after a certificate-tranche claim (its window's deadline
// scheduled in the same transaction), a durable consumer of the registry's EmploymentRecorded.v1
// preparing the tranche for each certified trainee employed in the window, and the deadline closing the
// window on the service clock (the trainees without employment expire, recorded). Commands through the
// CommandRunner: caused by the claim, the event, or the deadline (ids derived: a repeat records nothing).
import { addCalendarDays } from '@jineng/kernel';
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import {
  CommandRunner,
  DeadlineScheduler,
  PG_POOL,
  ServiceLifecycle,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { uuidV5 } from '../../policy/policy-ids';
import { CLAIMS_ACTOR } from '../claims-actor';
import {
  employmentTrancheDecider,
  employmentTrancheStreamId,
  type EmploymentTrancheEvent,
  type OpenEmploymentTranche,
} from '../domain/employment-tranche';

export const EMPLOYMENT_TRANCHES_CONSUMER = 'subsidy-employment-tranches';
export const WINDOW_DEADLINE = 'employment-tranche-window';
const CAUSE_NAMESPACE = '9a4c2e71-5f3b-4d6a-8e0c-1b7d3f5a9c26';

@Injectable()
export class EmploymentTranches implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    private readonly deadlines: DeadlineScheduler,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: EMPLOYMENT_TRANCHES_CONSUMER,
      filterSubjects: [eventFilter('registry', 'EmploymentRecorded')],
      handle: (event) => this.employed(event),
    });
    this.deadlines.handle(WINDOW_DEADLINE, async (deadline) => {
      const classId = String(deadline.data.classId);
      await this.commands.runAsSystem(
        {
          actor: CLAIMS_ACTOR,
          jurisdiction: String(deadline.data.jurisdictionCode),
          commandId: deadline.commandId,
          correlationId: deadline.commandId,
        },
        {
          decider: employmentTrancheDecider,
          streamId: employmentTrancheStreamId(classId),
          command: { type: 'CloseEmploymentTranche', data: { classId } },
          withEvents: (tx, r) => this.project(tx, r.events),
        },
      );
    });
  }

  /** After a certificate-tranche claim: the window opens, its end scheduled (the day after its last day, 00:00 in Shanghai). */
  async open(claimId: string, window: OpenEmploymentTranche['data']): Promise<void> {
    await this.commands.runCaused(
      { id: uuidV5(CAUSE_NAMESPACE, `open:${claimId}`) },
      { actor: CLAIMS_ACTOR, jurisdiction: window.jurisdictionCode },
      {
        decider: employmentTrancheDecider,
        streamId: employmentTrancheStreamId(window.classId),
        command: { type: 'OpenEmploymentTranche', data: window },
        withEvents: async (tx, r) => {
          await this.project(tx, r.events);
          await this.deadlines.schedule(tx, {
            id: `employment-tranche-${window.classId}:window`,
            kind: WINDOW_DEADLINE,
            dueAt: new Date(`${addCalendarDays(window.until, 1)}T00:00:00+08:00`),
            data: { classId: window.classId, jurisdictionCode: window.jurisdictionCode },
          });
        },
      },
    );
  }

  async employed(event: IntegrationEvent): Promise<void> {
    const workerId = String(event.data.workerId);
    const { rows } = await this.pool.query<{ class_id: string; jurisdiction_code: string }>(
      `select class_id, jurisdiction_code from "${this.config.schema}".claim_employment_windows
        where status = 'open' and worker_ids ? $1 order by class_id`,
      [workerId],
    );
    for (const row of rows)
      await this.commands.runCaused(
        { id: uuidV5(CAUSE_NAMESPACE, `${event.id}:${row.class_id}`), correlationId: event.id },
        { actor: CLAIMS_ACTOR, jurisdiction: row.jurisdiction_code },
        {
          decider: employmentTrancheDecider,
          streamId: employmentTrancheStreamId(row.class_id),
          command: {
            type: 'RecordTrancheEmployment',
            data: {
              classId: row.class_id,
              workerId,
              employmentId: String(event.data.employmentId),
              employedOn: String(event.data.startDate),
            },
          },
          withEvents: (tx, r) => this.project(tx, r.events),
        },
      );
  }

  private async project(
    tx: PoolClient,
    committed: readonly { type: string; data: unknown }[],
  ): Promise<void> {
    const events = committed as unknown as readonly EmploymentTrancheEvent[];
    const T = `"${this.config.schema}".claim_employment_windows`;
    for (const event of events) {
      if (event.type === 'EmploymentTrancheOpened.v1') {
        const w = event.data;
        await tx.query(
          `insert into ${T} (class_id, claim_id, claimant_id, jurisdiction_code, worker_ids, starts_on, until, status)
           values ($1, $2, $3, $4, $5, $6, $7, 'open') on conflict do nothing`,
          [
            w.classId,
            w.claimId,
            w.claimantId,
            w.jurisdictionCode,
            JSON.stringify(w.workerIds),
            w.startsOn,
            w.until,
          ],
        );
      } else if (event.type === 'EmploymentTranchePrepared.v1') {
        await tx.query(
          `update ${T} set employed_worker_ids = employed_worker_ids || $2::jsonb where class_id = $1`,
          [event.data.classId, JSON.stringify([event.data.workerId])],
        );
      } else {
        await tx.query(`update ${T} set status = 'closed' where class_id = $1`, [event.data.classId]);
      }
    }
  }
}
