import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { ApplyForAssessmentHandler } from './apply-for-assessment.handler';

@Controller()
export class ApplyForAssessmentNatsController {
  constructor(private readonly handler: ApplyForAssessmentHandler) {}

  @MessagePattern(commandSubject('ApplyForAssessment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ApplyForAssessment'));
  }
}
