// A fraud alert's triage (issue 15): raised by a rule's finding → open → investigating → confirmed or
// dismissed, each with who and (for the last two) why. Confirming asks the services to act: a
// clawback of the claims the alert names (subsidy), a suspension of its institutions (registry,
// class-ops) — only what the alert names can be asked. Pure.
import type { Command, CommandMetadata, Decider } from '@jineng/ddd';
import type { auditV1 } from '@jineng/contracts';
import {
  FraudActionNotApplicable,
  FraudAlertNotFound,
  FraudAlertTransitionRefused,
} from './fraud-alert.errors';

export type FraudAlertStatus = 'open' | 'investigating' | 'confirmed' | 'dismissed';
export type FraudAction = 'clawback' | 'suspension';

export const fraudAlertStreamId = (alertId: string): string => `fraud-alert-${alertId}`;

/** the contract's interface as a plain object type (event data must be JSON objects) */
type Data<T> = { readonly [K in keyof T]: T[K] };

type Raised = Data<Omit<auditV1.FraudAlertRaised, 'figures'>> & {
  readonly figures: { readonly [k: string]: string | number | boolean };
};

export type FraudAlertEvent =
  | { readonly type: 'FraudAlertRaised.v1'; readonly data: Raised }
  | {
      readonly type: 'FraudAlertInvestigationStarted.v1';
      readonly data: Data<auditV1.FraudAlertInvestigationStarted>;
    }
  | { readonly type: 'FraudAlertConfirmed.v1'; readonly data: Data<auditV1.FraudAlertConfirmed> }
  | { readonly type: 'FraudAlertDismissed.v1'; readonly data: Data<auditV1.FraudAlertDismissed> };

export type FraudAlertCommand =
  | { readonly type: 'RaiseFraudAlert'; readonly data: Raised; readonly metadata: CommandMetadata }
  | {
      readonly type: 'StartFraudInvestigation';
      readonly data: { alertId: string; note?: string };
      readonly metadata: CommandMetadata;
    }
  | {
      readonly type: 'ConfirmFraudAlert';
      readonly data: { alertId: string; actions: FraudAction[]; reason: string };
      readonly metadata: CommandMetadata;
    }
  | {
      readonly type: 'DismissFraudAlert';
      readonly data: { alertId: string; reason: string };
      readonly metadata: CommandMetadata;
    };

export type FraudAlertState =
  { readonly status: 'none' } | { readonly status: FraudAlertStatus; readonly raised: Raised };

export const fraudAlertDecider: Decider<FraudAlertCommand, FraudAlertState, FraudAlertEvent> & {
  initialState(): FraudAlertState;
} = {
  initialState: () => ({ status: 'none' }),

  decide(command, state) {
    if (command.type === 'RaiseFraudAlert')
      // a finding seen again by a later scan is the alert already raised
      return state.status === 'none' ? [{ type: 'FraudAlertRaised.v1', data: command.data }] : [];
    if (state.status === 'none') throw new FraudAlertNotFound({ alertId: command.data.alertId });
    const by = command.metadata.actor.userId;
    const refuse = (action: string, allowedFrom: FraudAlertStatus[]) =>
      new FraudAlertTransitionRefused({
        alertId: command.data.alertId,
        status: state.status,
        action,
        allowedFrom,
      });
    switch (command.type) {
      case 'StartFraudInvestigation':
        if (state.status !== 'open') throw refuse('investigated', ['open']);
        return [
          {
            type: 'FraudAlertInvestigationStarted.v1',
            data: {
              alertId: command.data.alertId,
              startedBy: by,
              ...(command.data.note ? { note: command.data.note } : {}),
            },
          },
        ];
      case 'ConfirmFraudAlert': {
        if (state.status !== 'investigating') throw refuse('confirmed', ['investigating']);
        const { raised } = state;
        for (const action of command.data.actions) {
          if (action === 'clawback' && raised.claimIds.length === 0)
            throw new FraudActionNotApplicable({ alertId: raised.alertId, action, needs: 'claims' });
          if (action === 'suspension' && raised.institutionIds.length === 0)
            throw new FraudActionNotApplicable({ alertId: raised.alertId, action, needs: 'institutions' });
        }
        return [
          {
            type: 'FraudAlertConfirmed.v1',
            data: {
              alertId: raised.alertId,
              ruleId: raised.ruleId,
              ruleVersion: raised.ruleVersion,
              jurisdictionCode: raised.jurisdictionCode,
              actions: [...new Set(command.data.actions)],
              reason: command.data.reason,
              confirmedBy: by,
              evidenceEventIds: raised.evidenceEventIds,
              claimIds: raised.claimIds,
              institutionIds: raised.institutionIds,
              workerIds: raised.workerIds,
              classIds: raised.classIds,
            },
          },
        ];
      }
      case 'DismissFraudAlert':
        if (state.status !== 'open' && state.status !== 'investigating')
          throw refuse('dismissed', ['open', 'investigating']);
        return [
          {
            type: 'FraudAlertDismissed.v1',
            data: { alertId: command.data.alertId, reason: command.data.reason, dismissedBy: by },
          },
        ];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'FraudAlertRaised.v1':
        return { status: 'open', raised: event.data };
      case 'FraudAlertInvestigationStarted.v1':
        return state.status === 'none' ? state : { ...state, status: 'investigating' };
      case 'FraudAlertConfirmed.v1':
        return state.status === 'none' ? state : { ...state, status: 'confirmed' };
      case 'FraudAlertDismissed.v1':
        return state.status === 'none' ? state : { ...state, status: 'dismissed' };
    }
  },
};

export type FraudAlertCommandOf<T extends FraudAlertCommand['type']> = Extract<
  FraudAlertCommand,
  { type: T }
>;
export type { Command };
