// VerifySeals (auditors): the published seals, and the audit copy's events of one service (or of each
// service in the copy) against them — a copy rewritten behind its trigger with every chain link
// recomputed passes VerifyAuditCopy, not this.
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { auditScope } from '../../access/access-control';
import { verifyAgainstSeals, verifySealChain, type SealProblem } from '../domain/seal-verifier';
import { sealsFrom } from '../seal-days/seal-store';
import { SEAL_KEYS, type SealKeys } from '../seal-key.config';
import { copyEventsOf } from './copy-events.reader';

@Injectable()
export class VerifySealsHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SEAL_KEYS) private readonly keys: SealKeys,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<auditV1.VerifySeals>): Promise<auditV1.SealVerificationReport> {
    auditScope(envelope.principal, undefined);
    const S = quoteSchema(this.config.schema);
    const client = await this.pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const seals = await sealsFrom(client, S, 1, Number.MAX_SAFE_INTEGER);
      const services = payload.service
        ? [payload.service]
        : (
            await client.query<{ service: string }>(
              `select distinct service from ${S}.audit_events order by service`,
            )
          ).rows.map((row) => row.service);
      const problems: SealProblem[] = verifySealChain(seals, this.keys.published);
      let eventsChecked = 0;
      let eventsNotSealed = 0;
      for (const service of services) {
        const events = await copyEventsOf(client, S, service);
        // the seal chain's own problems are reported once, above
        const report = verifyAgainstSeals({ seals, publicKeys: this.keys.published, service, events });
        problems.push(...report.problems.filter((p) => p.service !== undefined));
        eventsChecked += report.eventsChecked;
        eventsNotSealed += report.eventsNotSealed;
      }
      await client.query('commit');
      return {
        ok: problems.length === 0,
        seals: seals.length,
        ...(seals.length > 0 ? { firstDay: seals[0].day, lastDay: seals[seals.length - 1].day } : {}),
        services,
        eventsChecked,
        eventsNotSealed,
        problems,
      };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
