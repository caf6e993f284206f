import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { GetAssessmentHandler } from './get-assessment.handler';

@Controller()
export class GetAssessmentNatsController {
  constructor(private readonly handler: GetAssessmentHandler) {}

  @MessagePattern(querySubject('GetAssessment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'GetAssessment'));
  }
}
