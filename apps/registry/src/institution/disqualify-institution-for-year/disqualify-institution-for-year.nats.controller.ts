import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { DisqualifyInstitutionForYearHandler } from './disqualify-institution-for-year.handler';

@Controller()
export class DisqualifyInstitutionForYearNatsController {
  constructor(private readonly handler: DisqualifyInstitutionForYearHandler) {}

  @MessagePattern(commandSubject('DisqualifyInstitutionForYear'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'DisqualifyInstitutionForYear'));
  }
}
