// The triage of a fraud alert: open → investigating → confirmed / dismissed, with who and why.
import { randomUUID } from 'node:crypto';
import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { fraudAlertDecider, type FraudAlertEvent } from './fraud-alert.decide';
import {
  FraudActionNotApplicable,
  FraudAlertNotFound,
  FraudAlertTransitionRefused,
} from './fraud-alert.errors';

const spec = DeciderSpecification.for(fraudAlertDecider);
const alertId = randomUUID();
const claimId = randomUUID();
const institutionId = randomUUID();
const metadata = (userId = 'auditor-1'): CommandMetadata => ({
  commandId: randomUUID(),
  actor: { userId, roles: ['auditor'] },
  jurisdiction: '140802',
  now: '2026-03-20T08:00:00+08:00',
  correlationId: randomUUID(),
});
const raisedData = {
  alertId,
  ruleId: 'subsidies-above-yearly-limit',
  ruleVersion: 1,
  jurisdictionCode: '140802',
  summaryZh: '超过上限',
  summaryEn: 'above the limit',
  figures: { approved: 4, limit: 3 },
  evidenceEventIds: [randomUUID()],
  workerIds: [randomUUID()],
  classIds: [],
  institutionIds: [institutionId],
  claimIds: [claimId],
  deviceIds: [],
  payeeIds: [],
};
const raised: FraudAlertEvent = { type: 'FraudAlertRaised.v1', data: raisedData };
const investigating: FraudAlertEvent = {
  type: 'FraudAlertInvestigationStarted.v1',
  data: { alertId, startedBy: 'auditor-1' },
};
const raise = { type: 'RaiseFraudAlert' as const, data: raisedData, metadata: metadata('system:audit') };
const start = { type: 'StartFraudInvestigation' as const, data: { alertId }, metadata: metadata() };
const confirm = (actions: ('clawback' | 'suspension')[]) => ({
  type: 'ConfirmFraudAlert' as const,
  data: { alertId, actions, reason: '核实为代签到' },
  metadata: metadata('auditor-2'),
});
const dismiss = {
  type: 'DismissFraudAlert' as const,
  data: { alertId, reason: '同名不同人，已核实' },
  metadata: metadata(),
};

it('is raised once: a later scan finding the same raises nothing', () => {
  spec.given().when(raise).then(raised);
  spec.given(raised).when(raise).thenNothingHappened();
});

it('goes open → investigating → confirmed, with the actions it asks and its evidence', () => {
  spec.given(raised).when(start).then(investigating);
  spec
    .given(raised, investigating)
    .when(confirm(['clawback', 'suspension']))
    .then({
      type: 'FraudAlertConfirmed.v1',
      data: {
        alertId,
        ruleId: 'subsidies-above-yearly-limit',
        ruleVersion: 1,
        jurisdictionCode: '140802',
        actions: ['clawback', 'suspension'],
        reason: '核实为代签到',
        confirmedBy: 'auditor-2',
        evidenceEventIds: raisedData.evidenceEventIds,
        claimIds: [claimId],
        institutionIds: [institutionId],
        workerIds: raisedData.workerIds,
        classIds: [],
      },
    });
});

it('is dismissed from open or investigating, with the reason', () => {
  const dismissed = {
    type: 'FraudAlertDismissed.v1' as const,
    data: { alertId, reason: '同名不同人，已核实', dismissedBy: 'auditor-1' },
  };
  spec.given(raised).when(dismiss).then(dismissed);
  spec.given(raised, investigating).when(dismiss).then(dismissed);
});

it('refuses what the workflow does not allow', () => {
  spec
    .given(raised)
    .when(confirm(['clawback']))
    .thenThrows(FraudAlertTransitionRefused, (e) => e.details.status === 'open');
  spec.given(raised, investigating).when(start).thenThrows(FraudAlertTransitionRefused);
  const confirmed: FraudAlertEvent = {
    type: 'FraudAlertConfirmed.v1',
    data: {
      ...confirm(['clawback']).data,
      alertId,
      ruleId: 'r',
      ruleVersion: 1,
      jurisdictionCode: '140802',
      confirmedBy: 'a',
      evidenceEventIds: [],
      claimIds: [],
      institutionIds: [],
      workerIds: [],
      classIds: [],
    },
  };
  spec
    .given(raised, investigating, confirmed)
    .when(dismiss)
    .thenThrows(FraudAlertTransitionRefused, (e) => e.details.status === 'confirmed');
  spec.given().when(start).thenThrows(FraudAlertNotFound);
});

it('asks only what the alert names: no clawback without claims', () => {
  const noClaims: FraudAlertEvent = { type: 'FraudAlertRaised.v1', data: { ...raisedData, claimIds: [] } };
  spec
    .given(noClaims, investigating)
    .when(confirm(['clawback']))
    .thenThrows(FraudActionNotApplicable, (e) => e.details.needs === 'claims');
});
