import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListOccupationsHandler } from './list-occupations.handler';

@Controller()
export class ListOccupationsNatsController {
  constructor(private readonly handler: ListOccupationsHandler) {}

  @MessagePattern(querySubject('ListOccupations'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListOccupations'));
  }
}
