import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RegisterWorkerHandler } from './register-worker.handler';

@Controller()
export class RegisterWorkerNatsController {
  constructor(private readonly handler: RegisterWorkerHandler) {}

  @MessagePattern(commandSubject('RegisterWorker'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RegisterWorker'));
  }
}
