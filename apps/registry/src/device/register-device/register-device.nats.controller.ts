import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RegisterDeviceHandler } from './register-device.handler';

@Controller()
export class RegisterDeviceNatsController {
  constructor(private readonly handler: RegisterDeviceHandler) {}

  @MessagePattern(commandSubject('RegisterDevice'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RegisterDevice'));
  }
}
