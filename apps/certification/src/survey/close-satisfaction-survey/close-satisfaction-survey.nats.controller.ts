import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { CloseSatisfactionSurveyHandler } from './close-satisfaction-survey.handler';

@Controller()
export class CloseSatisfactionSurveyNatsController {
  constructor(private readonly handler: CloseSatisfactionSurveyHandler) {}

  @MessagePattern(commandSubject('CloseSatisfactionSurvey'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'CloseSatisfactionSurvey'));
  }
}
