// Wires the estimate's process manager: a durable consumer of class-ops' ClassApproved.v1 that resolves
// the policy in force at the class start (the policy area's read model and resolvePolicy) and runs the
// commands of `onClassApproved` through the runtime's CommandRunner, caused by the event (command ids
// from its id: a redelivered approval records nothing new).
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import { CommandRunner, ServiceLifecycle } from '@jineng/service-runtime';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chainOf } from '@jineng/subsidy-computation';
import { resolvePolicy } from '@jineng/subsidy-computation';
import { PolicyVersionsReadModel } from '../../policy/read-model/policy-versions.read-model';
import { CLAIMS_ACTOR } from '../claims-actor';
import { classSubsidyDecider, onClassApproved } from './domain/class-subsidy';

export const CLASS_ESTIMATES_CONSUMER = 'subsidy-class-estimates';

@Injectable()
export class ClassEstimateConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    private readonly versions: PolicyVersionsReadModel,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: CLASS_ESTIMATES_CONSUMER,
      filterSubjects: [eventFilter('class-ops', 'ClassApproved')],
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const jurisdiction = String(event.data.jurisdictionCode);
    const published = await this.versions.publishedIn(chainOf(jurisdiction));
    const planned = onClassApproved(event.data, (where, date) => resolvePolicy(where, date, published));
    for (const { streamId, command } of planned)
      await this.commands.runCaused(
        { id: event.id, correlationId: correlationOf(event) },
        { actor: CLAIMS_ACTOR, jurisdiction },
        { decider: classSubsidyDecider, streamId, command },
      );
  }
}

const correlationOf = (event: IntegrationEvent): string | undefined =>
  typeof event.metadata.correlationId === 'string' ? event.metadata.correlationId : undefined;
