import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RecordSiteEvaluationHandler } from './record-site-evaluation.handler';

@Controller()
export class RecordSiteEvaluationNatsController {
  constructor(private readonly handler: RecordSiteEvaluationHandler) {}

  @MessagePattern(commandSubject('RecordSiteEvaluation'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RecordSiteEvaluation'));
  }
}
