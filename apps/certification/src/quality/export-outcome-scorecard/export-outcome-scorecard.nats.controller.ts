import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ExportOutcomeScorecardHandler } from './export-outcome-scorecard.handler';

@Controller()
export class ExportOutcomeScorecardNatsController {
  constructor(private readonly handler: ExportOutcomeScorecardHandler) {}

  @MessagePattern(querySubject('ExportOutcomeScorecard'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ExportOutcomeScorecard'));
  }
}
