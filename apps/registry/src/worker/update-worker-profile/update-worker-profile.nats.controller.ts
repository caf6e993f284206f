import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { UpdateWorkerProfileHandler } from './update-worker-profile.handler';

@Controller()
export class UpdateWorkerProfileNatsController {
  constructor(private readonly handler: UpdateWorkerProfileHandler) {}

  @MessagePattern(commandSubject('UpdateWorkerProfile'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'UpdateWorkerProfile'));
  }
}
