// jineng.qry.subsidy.ExportClaimVoucher
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ExportClaimVoucherHandler } from './export-claim-voucher.handler';

@Controller()
export class ExportClaimVoucherNatsController {
  constructor(private readonly handler: ExportClaimVoucherHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ExportClaimVoucher' }))
  handle(@Payload() data: unknown): Promise<commonV1.FileReply> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.ExportClaimVoucher>(data, {
        payloadContract: 'jineng.subsidy.v1.ExportClaimVoucher',
      }),
    );
  }
}
