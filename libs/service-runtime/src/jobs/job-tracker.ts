// Every long job reports progress (the product owners' rule): a service records the job, runs it,
// reports `done` of `total` as it goes, and ends it with a result or an error; `GetJob` (answered by
// the runtime on jineng.qry.<service>.GetJob) reads it while it runs. Progress writes are throttled
// and each is its own short statement: a job never holds a transaction open across its work.
import type { commonV1 } from '@jineng/contracts';
import { defineDomainError, isDomainError } from '@jineng/ddd';
import { quoteSchema, rowsOf, type Queryable } from '@jineng/event-store';
import { newId } from '@jineng/kernel';
import type { Principal } from '@jineng/messaging';
import type { JsonLogger } from '@jineng/observability';
import type { Pool } from 'pg';

export class JobNotFound extends defineDomainError<{ jobId: string }>({
  code: 'JOB.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `没有任务 ${d.jobId}（或不是您发起的）`,
  en: (d) => `no job ${d.jobId} (or not one you started)`,
}) {}

export class JobHasNoFile extends defineDomainError<{ jobId: string; status: string }>({
  code: 'JOB.NO_FILE',
  category: 'illegal_state',
  zh: (d) => `任务 ${d.jobId} 没有可下载的文件（状态：${d.status}）`,
  en: (d) => `job ${d.jobId} has no file to download (status: ${d.status})`,
}) {}

export interface JobProgress {
  /** `done` units so far, of `total` when known; written at most every `progressIntervalMs` */
  report(done: number, total?: number): Promise<void>;
}

export type JobWork<R extends Record<string, unknown>> = (progress: JobProgress) => Promise<R>;

interface JobRow {
  job_id: string;
  kind: string;
  status: commonV1.JobView['status'];
  done: string;
  total: string | null;
  requested_by: string;
  result: Record<string, unknown> | null;
  error: commonV1.DomainErrorReply | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export class JobTracker {
  private readonly T: string;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly logger: JsonLogger,
    private readonly progressIntervalMs = 500,
  ) {
    this.T = `${quoteSchema(schema)}.jobs`;
  }

  /**
   * Records a queued job; inside the caller's transaction when `on` is one (so that the job exists
   * exactly when the command that asked for it committed). Answers its id, and whether it is new: a
   * job id taken from the command id makes a retried command find its job instead of starting another.
   */
  async create(
    job: {
      readonly kind: string;
      readonly requestedBy: Principal;
      readonly jobId?: string;
      readonly total?: number;
    },
    on: Queryable = this.pool,
  ): Promise<{ jobId: string; created: boolean }> {
    const jobId = job.jobId ?? newId();
    const inserted = rowsOf<{ job_id: string }>(
      await on.query(
        `insert into ${this.T} (job_id, kind, status, total, requested_by) values ($1, $2, 'queued', $3, $4)
         on conflict (job_id) do nothing returning job_id`,
        [jobId, job.kind, job.total ?? null, job.requestedBy.userId],
      ),
    );
    return { jobId, created: inserted.length > 0 };
  }

  /** Runs a created job in this process, in the background; answers at once. */
  run<R extends Record<string, unknown>>(jobId: string, work: JobWork<R>): void {
    const task = this.execute(jobId, work).finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** What `GetJob` answers: the job, if `principal` started it. */
  async get(jobId: string, principal: Principal): Promise<commonV1.JobView> {
    const rows = rowsOf<JobRow>(await this.pool.query(`select * from ${this.T} where job_id = $1`, [jobId]));
    const row = rows[0];
    if (!row || row.requested_by !== principal.userId) throw new JobNotFound({ jobId });
    return {
      jobId: row.job_id,
      kind: row.kind,
      status: row.status,
      done: Number(row.done),
      ...(row.total === null ? {} : { total: Number(row.total) }),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
      ...(row.result ? { result: row.result } : {}),
      ...(row.error ? { error: row.error } : {}),
    };
  }

  /** What `GetJobFile` answers: the file a succeeded job put in its result as `file`. */
  async file(jobId: string, principal: Principal): Promise<commonV1.FileReply> {
    const job = await this.get(jobId, principal);
    const file = job.result?.file;
    if (job.status !== 'succeeded' || typeof file !== 'object' || file === null)
      throw new JobHasNoFile({ jobId, status: job.status });
    return file as unknown as commonV1.FileReply;
  }

  /** Waits for the jobs this process runs (at stop: they finish or fail before the pool closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async execute<R extends Record<string, unknown>>(jobId: string, work: JobWork<R>): Promise<void> {
    let lastWrite = 0;
    // the last figure reported, written at the end even when the throttle held it back
    let latest: { done: number; total: number | null } | undefined;
    const update = (sql: string, params: unknown[]) => this.pool.query(sql, [jobId, ...params]);
    try {
      await update(`update ${this.T} set status = 'running', updated_at = now() where job_id = $1`, []);
      const result = await work({
        report: async (done, total) => {
          latest = { done, total: total ?? null };
          if (Date.now() - lastWrite < this.progressIntervalMs) return;
          lastWrite = Date.now();
          await update(
            `update ${this.T} set done = $2, total = coalesce($3, total), updated_at = now() where job_id = $1`,
            [done, total ?? null],
          );
        },
      });
      await update(
        `update ${this.T} set status = 'succeeded', result = $2, total = coalesce($4::bigint, total),
           done = coalesce($4::bigint, total, $3::bigint, done), updated_at = now(), finished_at = now()
         where job_id = $1`,
        [JSON.stringify(result), latest?.done ?? null, latest?.total ?? null],
      );
    } catch (error) {
      const reply: commonV1.DomainErrorReply = isDomainError(error)
        ? (error.toJSON() as commonV1.DomainErrorReply)
        : {
            code: 'JOB.FAILED',
            category: 'illegal_state',
            message: '任务失败（原因已记入服务日志）',
            messageEn: 'the job failed (the reason is in the service log)',
            details: {},
          };
      if (!isDomainError(error))
        this.logger.error(
          `job ${jobId}: ${error instanceof Error ? error.stack : String(error)}`,
          'JobTracker',
        );
      await update(
        `update ${this.T} set status = 'failed', error = $2, updated_at = now(), finished_at = now() where job_id = $1`,
        [JSON.stringify(reply)],
      ).catch((e: unknown) =>
        this.logger.error(`job ${jobId}: could not record its failure: ${String(e)}`, 'JobTracker'),
      );
    }
  }
}
