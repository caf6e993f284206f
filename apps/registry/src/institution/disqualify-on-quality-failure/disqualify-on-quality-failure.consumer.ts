// registry-quality-failures: certification's InstitutionFailedQualityThreshold.v1 → the registry
// disqualifies the institution for the next year, as the system, with a command id derived from the
// event (a redelivery records nothing new). An institution already disqualified for that year, one
// the registry does not know, or a year already past is logged and acknowledged: nothing to redo.
import { DomainError } from '@jineng/ddd';
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { CommandRunner, ServiceLifecycle } from '@jineng/service-runtime';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { disqualificationFor } from './quality-failure.process';

const SETTLED = new Set([
  'INSTITUTION.ALREADY_DISQUALIFIED_FOR_YEAR',
  'INSTITUTION.NOT_FOUND',
  'INSTITUTION.DISQUALIFICATION_YEAR_PASSED',
]);

@Injectable()
export class DisqualifyOnQualityFailureConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    private readonly logger: JsonLogger,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: 'registry-quality-failures',
      filterSubjects: [eventFilter('certification', 'InstitutionFailedQualityThreshold')],
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const reaction = disqualificationFor(event);
    if (!reaction) return;
    const { institutionId } = reaction.command.data;
    try {
      await this.commands.runCaused(
        { id: event.id },
        { actor: { userId: 'system:registry', roles: ['system'] }, jurisdiction: reaction.jurisdiction },
        {
          decider: institutionDecider,
          streamId: institutionStreamId(institutionId),
          command: reaction.command,
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || !SETTLED.has(error.code)) throw error;
      this.logger.warn(
        `registry-quality-failures: ${event.type} ${event.id} for institution ${institutionId}: ${error.code}, nothing to do`,
        'DisqualifyOnQualityFailure',
      );
    }
  }
}
