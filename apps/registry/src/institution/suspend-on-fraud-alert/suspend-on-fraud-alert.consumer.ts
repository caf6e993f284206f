// registry-fraud-suspensions: the audit service's FraudAlertConfirmed.v1 → `suspensionsFor` → each named
// institution suspended in its own jurisdiction, as the confirming auditor, the alert as the cause and
// the confirmation's correlation id kept (the auditor's request, so the timeline links them). An
// institution the registry does not know, or one not listed (suspended already — by an officer or by
// another alert —, applied, delisted) is logged and acknowledged: there is nothing to suspend.
import { DomainError } from '@jineng/ddd';
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import { JsonLogger } from '@jineng/observability';
import { CommandRunner, ServiceLifecycle } from '@jineng/service-runtime';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { suspensionsFor } from './fraud-suspension.process';

export const FRAUD_SUSPENSIONS_CONSUMER = 'registry-fraud-suspensions';

const SETTLED = new Set(['INSTITUTION.NOT_FOUND', 'INSTITUTION.WRONG_STATUS']);

@Injectable()
export class SuspendOnFraudAlertConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    private readonly logger: JsonLogger,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: FRAUD_SUSPENSIONS_CONSUMER,
      filterSubjects: [eventFilter('audit', 'FraudAlertConfirmed')],
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const correlation = (event.metadata as { correlationId?: unknown }).correlationId;
    for (const suspension of suspensionsFor(event)) {
      const { institutionId } = suspension.command.data;
      const state = await this.commands.load(institutionDecider, institutionStreamId(institutionId));
      const settled = (code: string) =>
        this.logger.warn(
          `${FRAUD_SUSPENSIONS_CONSUMER}: alert ${suspension.alertId} (event ${event.id}) for institution ${institutionId}: ${code}, nothing to suspend`,
          'SuspendOnFraudAlert',
        );
      if (state.status === 'none') {
        settled('INSTITUTION.NOT_FOUND');
        continue;
      }
      try {
        await this.commands.runAsSystem(
          {
            actor: suspension.actor,
            jurisdiction: state.jurisdiction,
            commandId: suspension.commandId,
            correlationId: typeof correlation === 'string' ? correlation : event.id,
            causationId: suspension.alertId,
          },
          {
            decider: institutionDecider,
            streamId: institutionStreamId(institutionId),
            command: suspension.command,
          },
        );
      } catch (error) {
        if (!(error instanceof DomainError) || !SETTLED.has(error.code)) throw error;
        settled(error.code);
      }
    }
  }
}
