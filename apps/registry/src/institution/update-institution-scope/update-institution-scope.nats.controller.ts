import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { UpdateInstitutionScopeHandler } from './update-institution-scope.handler';

@Controller()
export class UpdateInstitutionScopeNatsController {
  constructor(private readonly handler: UpdateInstitutionScopeHandler) {}

  @MessagePattern(commandSubject('UpdateInstitutionScope'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'UpdateInstitutionScope'));
  }
}
