import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { ReinstateInstitutionHandler } from './reinstate-institution.handler';

@Controller()
export class ReinstateInstitutionNatsController {
  constructor(private readonly handler: ReinstateInstitutionHandler) {}

  @MessagePattern(commandSubject('ReinstateInstitution'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ReinstateInstitution'));
  }
}
