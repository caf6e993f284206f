import { recoveryIdFor } from './on-certificate-revoked';
import { onFraudAlertConfirmed } from './on-fraud-alert-confirmed';

const confirmed = {
  alertId: 'alert-1',
  ruleId: 'one-account-several-claimants',
  ruleVersion: 1,
  jurisdictionCode: '140802',
  actions: ['clawback', 'suspension'],
  reason: '两家机构使用同一收款账户，经核实为同一实际控制人',
  confirmedBy: 'auditor-1',
  evidenceEventIds: ['e-a', 'e-b'],
  claimIds: ['claim-a', 'claim-b', 'claim-elsewhere'],
  institutionIds: ['i-1', 'i-2'],
  workerIds: [],
  classIds: [],
};

it('asks back what is left paid on each named claim this service holds, ids derived from the event', () => {
  expect(onFraudAlertConfirmed('evt-1', confirmed, ['claim-a', 'claim-b', 'claim-not-named'])).toEqual([
    {
      type: 'RequestRecovery',
      data: {
        claimId: 'claim-a',
        recoveryId: recoveryIdFor('evt-1', 'claim-a'),
        reason:
          '欺诈预警 alert-1（规则 one-account-several-claimants）经审计确认：两家机构使用同一收款账户，经核实为同一实际控制人',
      },
    },
    expect.objectContaining({ data: expect.objectContaining({ claimId: 'claim-b' }) }),
  ]);
});

it('a redelivered event asks for the same recoveries (the claim records each once)', () => {
  expect(onFraudAlertConfirmed('evt-1', confirmed, ['claim-a'])).toEqual(
    onFraudAlertConfirmed('evt-1', confirmed, ['claim-a']),
  );
});

it('an alert confirmed for a suspension only asks subsidy for nothing', () => {
  expect(onFraudAlertConfirmed('evt-1', { ...confirmed, actions: ['suspension'] }, ['claim-a'])).toEqual([]);
});

it('a malformed confirmation fails naming the field', () => {
  expect(() => onFraudAlertConfirmed('evt-1', { ...confirmed, reason: '' }, ['claim-a'])).toThrow('reason');
  expect(() => onFraudAlertConfirmed('evt-1', { ...confirmed, claimIds: undefined }, ['claim-a'])).toThrow(
    'claimIds',
  );
});
