import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListDevicesHandler } from './list-devices.handler';

@Controller()
export class ListDevicesNatsController {
  constructor(private readonly handler: ListDevicesHandler) {}

  @MessagePattern(querySubject('ListDevices'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListDevices'));
  }
}
