import type { IntegrationEvent } from '@jineng/messaging';
import { fraudSuspensionCommandId, suspensionsFor } from './fraud-suspension.process';

const confirmed = (
  data: Record<string, unknown> = {},
  more: Partial<IntegrationEvent> = {},
): IntegrationEvent => ({
  id: '0f1e2d3c-4b5a-4968-8776-655443322110',
  type: 'FraudAlertConfirmed.v1',
  service: 'audit',
  streamId: 'fraud-alert-6c1d0e4f-2a3b-5c4d-8e5f-6a7b8c9d0e1f',
  streamVersion: 3,
  // 23:30 UTC is the next day in Shanghai
  recordedAt: '2026-03-09T23:30:00.000Z',
  hash: 'ab'.repeat(32),
  data: {
    alertId: '6c1d0e4f-2a3b-5c4d-8e5f-6a7b8c9d0e1f',
    ruleId: 'device-many-workers-in-seconds',
    ruleVersion: 1,
    jurisdictionCode: '140802',
    actions: ['clawback', 'suspension'],
    reason: '同一设备 3 秒内为 6 名学员签到，现场核查仅 2 人在岗',
    confirmedBy: 'auditor-7',
    evidenceEventIds: ['e-1', 'e-2'],
    claimIds: ['claim-1'],
    institutionIds: ['inst-b', 'inst-a', 'inst-b'],
    workerIds: [],
    classIds: ['class-1'],
    ...data,
  } as IntegrationEvent['data'],
  metadata: { actor: { userId: 'auditor-7', roles: ['auditor'] }, correlationId: 'corr-1' },
  ...more,
});

it('suspends each named institution once, as the confirming auditor, 90 days from the Shanghai day of the confirmation', () => {
  const suspensions = suspensionsFor(confirmed());
  expect(suspensions.map((s) => s.command.data.institutionId)).toEqual(['inst-a', 'inst-b']);
  expect(suspensions[0]).toEqual({
    commandId: fraudSuspensionCommandId('6c1d0e4f-2a3b-5c4d-8e5f-6a7b8c9d0e1f', 'inst-a'),
    alertId: '6c1d0e4f-2a3b-5c4d-8e5f-6a7b8c9d0e1f',
    actor: { userId: 'auditor-7', roles: ['auditor'] },
    command: {
      type: 'SuspendInstitution',
      data: {
        institutionId: 'inst-a',
        reason:
          '欺诈预警 6c1d0e4f-2a3b-5c4d-8e5f-6a7b8c9d0e1f（规则 device-many-workers-in-seconds v1）经审计确认：同一设备 3 秒内为 6 名学员签到，现场核查仅 2 人在岗',
        rectificationDeadline: '2026-06-08',
      },
    },
  });
  expect(suspensions[1]!.commandId).not.toBe(suspensions[0]!.commandId);
});

it('the command ids depend on the alert and the institution only: a redelivery or a republished confirmation asks the same', () => {
  const again = suspensionsFor(confirmed({}, { id: 'another-event-id', metadata: {} }));
  expect(again.map((s) => s.commandId)).toEqual(suspensionsFor(confirmed()).map((s) => s.commandId));
  expect(fraudSuspensionCommandId('alert-2', 'inst-a')).not.toBe(
    fraudSuspensionCommandId('alert-1', 'inst-a'),
  );
});

it('a clawback only, another event type or another service asks the registry for nothing', () => {
  expect(suspensionsFor(confirmed({ actions: ['clawback'] }))).toEqual([]);
  expect(suspensionsFor(confirmed({}, { type: 'FraudAlertDismissed.v1' }))).toEqual([]);
  expect(suspensionsFor(confirmed({}, { service: 'class-ops' }))).toEqual([]);
});

it('keeps the reason within the contract’s 500 characters', () => {
  const [suspension] = suspensionsFor(confirmed({ reason: '理'.repeat(600) }));
  expect(suspension!.command.data.reason).toHaveLength(500);
  expect(suspension!.command.data.reason.endsWith('…')).toBe(true);
});

it('a malformed confirmation fails naming the field', () => {
  expect(() => suspensionsFor(confirmed({ confirmedBy: '' }))).toThrow('confirmedBy');
  expect(() => suspensionsFor(confirmed({ institutionIds: undefined }))).toThrow('institutionIds');
});
