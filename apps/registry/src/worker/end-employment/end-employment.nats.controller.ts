import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { EndEmploymentHandler } from './end-employment.handler';

@Controller()
export class EndEmploymentNatsController {
  constructor(private readonly handler: EndEmploymentHandler) {}

  @MessagePattern(commandSubject('EndEmployment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'EndEmployment'));
  }
}
