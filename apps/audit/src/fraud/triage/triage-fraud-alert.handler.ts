// StartFraudInvestigation, ConfirmFraudAlert, DismissFraudAlert: an auditor of the alert's jurisdiction
// (or above it) moves the alert through its triage (domain/fraud-alert.decide.ts); the row the list
// shows changes with the events. A confirmed alert's event is published to the services that act on it.
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { auditScope } from '../../access/access-control';
import {
  fraudAlertDecider,
  fraudAlertStreamId,
  type FraudAction,
  type FraudAlertCommand,
} from '../domain/fraud-alert.decide';
import { FraudAlertNotFound } from '../domain/fraud-alert.errors';
import { applyAlertEvents } from '../fraud-alert.rows';

type TriageCommand = Exclude<FraudAlertCommand, { type: 'RaiseFraudAlert' }>;

@Injectable()
export class TriageFraudAlertHandler {
  private readonly S: string;

  constructor(
    private readonly commands: CommandRunner,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  start(request: RpcRequest<auditV1.StartFraudInvestigation>) {
    const { alertId, note } = request.payload;
    return this.run(request, alertId, {
      type: 'StartFraudInvestigation',
      data: { alertId, ...(note ? { note } : {}) },
    });
  }

  confirm(request: RpcRequest<auditV1.ConfirmFraudAlert>) {
    const { alertId, actions, reason } = request.payload;
    return this.run(request, alertId, {
      type: 'ConfirmFraudAlert',
      data: { alertId, actions: actions as FraudAction[], reason },
    });
  }

  dismiss(request: RpcRequest<auditV1.DismissFraudAlert>) {
    const { alertId, reason } = request.payload;
    return this.run(request, alertId, { type: 'DismissFraudAlert', data: { alertId, reason } });
  }

  private async run(
    request: RpcRequest,
    alertId: string,
    command: Omit<TriageCommand, 'metadata'>,
  ): Promise<auditV1.FraudAlertChanged> {
    auditScope(request.envelope.principal, undefined);
    const streamId = fraudAlertStreamId(alertId);
    const state = await this.commands.load(fraudAlertDecider, streamId);
    if (state.status === 'none') throw new FraudAlertNotFound({ alertId });
    // the alert's jurisdiction must be within the auditor's
    auditScope(request.envelope.principal, state.raised.jurisdictionCode);
    const result = await this.commands.run(request, {
      decider: fraudAlertDecider,
      streamId,
      jurisdiction: state.raised.jurisdictionCode,
      command: command as Omit<FraudAlertCommand, 'metadata'> as never,
      withEvents: (tx, r) =>
        applyAlertEvents(tx, this.S, r.events, r.nextExpectedVersion, r.events[0]?.metadata.occurredAt ?? ''),
    });
    return { alertId, status: result.state.status, version: result.nextExpectedVersion };
  }
}
