// jineng.qry.subsidy.ExportClaims, ExportPublicNotices, ExportMyClaims
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExportClaimsHandler } from './export-claims.handler';

const subject = (name: string) => rpcSubject({ kind: 'query', service: 'subsidy', name });

@Controller()
export class ExportClaimsNatsController {
  constructor(private readonly handler: ExportClaimsHandler) {}

  @MessagePattern(subject('ExportClaims'))
  claims(@Payload() data: unknown): Promise<commonV1.FileReply> {
    return this.handler.claims(
      parseRpcRequest<subsidyV1.ExportClaims>(data, { payloadContract: 'jineng.subsidy.v1.ExportClaims' }),
    );
  }

  @MessagePattern(subject('ExportPublicNotices'))
  notices(@Payload() data: unknown): Promise<commonV1.FileReply> {
    return this.handler.notices(
      parseRpcRequest<subsidyV1.ExportPublicNotices>(data, {
        payloadContract: 'jineng.subsidy.v1.ExportPublicNotices',
      }),
    );
  }

  @MessagePattern(subject('ExportMyClaims'))
  mine(@Payload() data: unknown): Promise<commonV1.FileReply> {
    return this.handler.mine(
      parseRpcRequest<subsidyV1.ExportMyClaims>(data, {
        payloadContract: 'jineng.subsidy.v1.ExportMyClaims',
      }),
    );
  }
}
