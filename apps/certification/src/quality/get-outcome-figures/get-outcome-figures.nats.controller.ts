import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { GetOutcomeFiguresHandler } from './get-outcome-figures.handler';

@Controller()
export class GetOutcomeFiguresNatsController {
  constructor(private readonly handler: GetOutcomeFiguresHandler) {}

  @MessagePattern(querySubject('GetOutcomeFigures'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'GetOutcomeFigures'));
  }
}
