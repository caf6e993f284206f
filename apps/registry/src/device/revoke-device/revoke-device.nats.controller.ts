import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RevokeDeviceHandler } from './revoke-device.handler';

@Controller()
export class RevokeDeviceNatsController {
  constructor(private readonly handler: RevokeDeviceHandler) {}

  @MessagePattern(commandSubject('RevokeDevice'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RevokeDevice'));
  }
}
