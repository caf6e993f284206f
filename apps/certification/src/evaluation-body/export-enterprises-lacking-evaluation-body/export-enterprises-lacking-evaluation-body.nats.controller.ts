import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ExportEnterprisesLackingEvaluationBodyHandler } from './export-enterprises-lacking-evaluation-body.handler';

@Controller()
export class ExportEnterprisesLackingEvaluationBodyNatsController {
  constructor(private readonly handler: ExportEnterprisesLackingEvaluationBodyHandler) {}

  @MessagePattern(querySubject('ExportEnterprisesLackingEvaluationBody'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ExportEnterprisesLackingEvaluationBody'));
  }
}
