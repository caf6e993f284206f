// jineng.qry.subsidy.ListJurisdictions: the jurisdiction tree with names (public reference data).
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { jurisdictionsWithin, parentOf } from '@jineng/subsidy-computation';

@Controller()
export class ListJurisdictionsNatsController {
  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListJurisdictions' }))
  list(@Payload() data: unknown): subsidyV1.JurisdictionList {
    const { payload } = parseRpcRequest<subsidyV1.ListJurisdictions>(data, {
      payloadContract: 'jineng.subsidy.v1.ListJurisdictions',
    });
    return {
      jurisdictions: jurisdictionsWithin(payload.within).map(({ code, name, level }) => {
        const parent = parentOf(code);
        return { code, name, level, ...(parent ? { parent } : {}) };
      }),
    };
  }
}
