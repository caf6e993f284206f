// jineng.qry.subsidy.ListClaims, ListPublicNotices, ListMyClaims
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListClaimsHandler } from './list-claims.handler';

@Controller()
export class ListClaimsNatsController {
  constructor(private readonly handler: ListClaimsHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListClaims' }))
  list(@Payload() data: unknown): Promise<subsidyV1.ClaimList> {
    return this.handler.list(
      parseRpcRequest<subsidyV1.ListClaims>(data, { payloadContract: 'jineng.subsidy.v1.ListClaims' }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListPublicNotices' }))
  notices(@Payload() data: unknown): Promise<subsidyV1.PublicNoticeList> {
    return this.handler.notices(
      parseRpcRequest<subsidyV1.ListPublicNotices>(data, {
        payloadContract: 'jineng.subsidy.v1.ListPublicNotices',
      }),
    );
  }

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListMyClaims' }))
  mine(@Payload() data: unknown): Promise<subsidyV1.ClaimList> {
    return this.handler.mine(
      parseRpcRequest<subsidyV1.ListMyClaims>(data, { payloadContract: 'jineng.subsidy.v1.ListMyClaims' }),
    );
  }
}
