import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ListOutcomeScorecardHandler } from './list-outcome-scorecard.handler';

@Controller()
export class ListOutcomeScorecardNatsController {
  constructor(private readonly handler: ListOutcomeScorecardHandler) {}

  @MessagePattern(querySubject('ListOutcomeScorecard'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ListOutcomeScorecard'));
  }
}
