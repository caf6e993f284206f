import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { ScheduleAssessmentHandler } from './schedule-assessment.handler';

@Controller()
export class ScheduleAssessmentNatsController {
  constructor(private readonly handler: ScheduleAssessmentHandler) {}

  @MessagePattern(commandSubject('ScheduleAssessment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ScheduleAssessment'));
  }
}
