import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ListEnterprisesLackingEvaluationBodyHandler } from './list-enterprises-lacking-evaluation-body.handler';

@Controller()
export class ListEnterprisesLackingEvaluationBodyNatsController {
  constructor(private readonly handler: ListEnterprisesLackingEvaluationBodyHandler) {}

  @MessagePattern(querySubject('ListEnterprisesLackingEvaluationBody'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ListEnterprisesLackingEvaluationBody'));
  }
}
