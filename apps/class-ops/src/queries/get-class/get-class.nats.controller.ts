import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, querySubject } from '../../shared/rpc';
import { GetClassHandler } from './get-class.handler';

@Controller()
export class GetClassNatsController {
  constructor(private readonly handler: GetClassHandler) {}

  @MessagePattern(querySubject('GetClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'GetClass'));
  }
}
