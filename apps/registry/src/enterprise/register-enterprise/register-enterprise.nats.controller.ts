import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RegisterEnterpriseHandler } from './register-enterprise.handler';

@Controller()
export class RegisterEnterpriseNatsController {
  constructor(private readonly handler: RegisterEnterpriseHandler) {}

  @MessagePattern(commandSubject('RegisterEnterprise'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RegisterEnterprise'));
  }
}
