import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetOccupationHandler } from './get-occupation.handler';

@Controller()
export class GetOccupationNatsController {
  constructor(private readonly handler: GetOccupationHandler) {}

  @MessagePattern(querySubject('GetOccupation'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetOccupation'));
  }
}
