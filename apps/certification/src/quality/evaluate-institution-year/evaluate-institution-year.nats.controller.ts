import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { EvaluateInstitutionYearHandler } from './evaluate-institution-year.handler';

@Controller()
export class EvaluateInstitutionYearNatsController {
  constructor(private readonly handler: EvaluateInstitutionYearHandler) {}

  @MessagePattern(commandSubject('EvaluateInstitutionYear'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'EvaluateInstitutionYear'));
  }
}
