import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetEnterpriseHandler } from './get-enterprise.handler';

@Controller()
export class GetEnterpriseNatsController {
  constructor(private readonly handler: GetEnterpriseHandler) {}

  @MessagePattern(querySubject('GetEnterprise'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetEnterprise'));
  }
}
