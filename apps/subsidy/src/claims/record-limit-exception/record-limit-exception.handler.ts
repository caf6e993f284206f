// RecordLimitException: an officer of the class's jurisdiction records the reason a worker may exceed
// the yearly limit for that class — only where the policy's limit holds "in principle" (the computation
// refuses it otherwise, naming the rule).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { assertOfficerFor, ClaimsContext } from '../claims-context';
import { ClassNotKnown } from '@jineng/subsidy-computation';
import { limitExceptionDecider, limitExceptionStreamId } from '../domain/limit-exception';
import { ClaimFactsReader } from '../read-model/claim-facts.reader';

@Injectable()
export class RecordLimitExceptionHandler {
  constructor(
    private readonly context: ClaimsContext,
    private readonly facts: ClaimFactsReader,
  ) {}

  async handle(request: RpcRequest<subsidyV1.RecordLimitException>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const cls = await this.facts.classOf(payload.classId);
    if (!cls) throw new ClassNotKnown({ classId: payload.classId });
    assertOfficerFor(envelope.principal, cls.jurisdictionCode);
    const streamId = limitExceptionStreamId(payload.workerId, payload.classId);
    const result = await this.context.commands.run(request, {
      decider: limitExceptionDecider,
      streamId,
      jurisdiction: cls.jurisdictionCode,
      command: { type: 'RecordLimitException', data: { ...payload } },
      withEvents: async (tx, r) => {
        for (const event of r.events)
          await tx.query(
            `insert into "${this.context.config.schema}".claim_limit_exceptions (worker_id, class_id, reason, granted_by)
             values ($1, $2, $3, $4) on conflict do nothing`,
            [event.data.workerId, event.data.classId, event.data.reason, event.data.recordedBy],
          );
      },
    });
    return commandAccepted(streamId, result);
  }
}
