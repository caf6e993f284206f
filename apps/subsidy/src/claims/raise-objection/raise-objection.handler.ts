// RaiseObjection: anyone may object to a claim until it is approved; a trainee named in it (worker
// role, own record) objects as that trainee. The contact details stay out of the events: kept in the
// read model, shown to officers only.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { uuidV5 } from '../../policy/policy-ids';
import { ClaimsContext, workerOf } from '../claims-context';

const OBJECTION_NAMESPACE = '2b8e6c14-9d3a-4f57-8e1b-6a0c4d2f7e93';

@Injectable()
export class RaiseObjectionHandler {
  constructor(private readonly context: ClaimsContext) {}

  async handle(request: RpcRequest<subsidyV1.RaiseObjection>): Promise<subsidyV1.ClaimAccepted> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    const objectionId = uuidV5(OBJECTION_NAMESPACE, envelope.commandId ?? envelope.correlationId);
    const workerId = workerOf(envelope.principal);
    const contacts = new Map(payload.contact ? [[objectionId, payload.contact]] : []);
    const accepted = await this.context.run(
      request,
      payload.claimId,
      claim.submitted.jurisdictionCode,
      {
        type: 'RaiseObjection',
        data: {
          claimId: payload.claimId,
          objectionId,
          statement: payload.statement,
          contactProvided: payload.contact !== undefined,
          ...(workerId ? { workerId } : {}),
        },
      },
      contacts,
    );
    return { ...accepted, id: objectionId };
  }
}
