import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListEnterprisesHandler } from './list-enterprises.handler';

@Controller()
export class ListEnterprisesNatsController {
  constructor(private readonly handler: ListEnterprisesHandler) {}

  @MessagePattern(querySubject('ListEnterprises'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListEnterprises'));
  }
}
