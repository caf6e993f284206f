import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { RecogniseEvaluationBodyHandler } from './recognise-evaluation-body.handler';

@Controller()
export class RecogniseEvaluationBodyNatsController {
  constructor(private readonly handler: RecogniseEvaluationBodyHandler) {}

  @MessagePattern(commandSubject('RecogniseEvaluationBody'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'RecogniseEvaluationBody'));
  }
}
