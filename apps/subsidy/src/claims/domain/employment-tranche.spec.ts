import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import {
  employmentTrancheDecider,
  type EmploymentTrancheCommand,
  type EmploymentTrancheEvent,
} from './employment-tranche';

const spec = DeciderSpecification.for(employmentTrancheDecider);
const metadata: CommandMetadata = {
  commandId: '00000000-0000-4000-8000-000000000001',
  actor: { userId: 'system:subsidy-claims', roles: ['system'] },
  jurisdiction: '140802',
  now: '2019-10-01T00:00:00Z',
  correlationId: '00000000-0000-4000-8000-000000000002',
};
const window = {
  classId: 'class-1',
  claimId: 'claim-1',
  claimantId: 'inst-1',
  claimantKind: 'institution',
  jurisdictionCode: '140802',
  workerIds: ['w1', 'w2', 'w3'],
  startsOn: '2019-09-02',
  until: '2019-12-13',
};
const opened: EmploymentTrancheEvent = { type: 'EmploymentTrancheOpened.v1', data: window };
const cmd = (c: Omit<EmploymentTrancheCommand, 'metadata'>) =>
  ({ ...c, metadata }) as EmploymentTrancheCommand;
const employ = (workerId: string, employedOn: string) =>
  cmd({
    type: 'RecordTrancheEmployment',
    data: { classId: 'class-1', workerId, employmentId: `job-${workerId}`, employedOn },
  });

it('an employment of a certified trainee within the window prepares the tranche for them', () => {
  spec
    .given(opened)
    .when(employ('w1', '2019-12-13'))
    .then({
      type: 'EmploymentTranchePrepared.v1',
      data: {
        classId: 'class-1',
        claimantId: 'inst-1',
        workerId: 'w1',
        employmentId: 'job-w1',
        employedOn: '2019-12-13',
        until: '2019-12-13',
      },
    });
});

it('after the window, for a worker not certified in the claim, or a second time: nothing', () => {
  spec.given(opened).when(employ('w1', '2019-12-14')).thenNothingHappened();
  spec.given(opened).when(employ('w9', '2019-10-01')).thenNothingHappened();
  const prepared = {
    type: 'EmploymentTranchePrepared.v1',
    data: {
      classId: 'class-1',
      claimantId: 'inst-1',
      workerId: 'w1',
      employmentId: 'job-w1',
      employedOn: '2019-10-01',
      until: '2019-12-13',
    },
  } as EmploymentTrancheEvent;
  spec.given(opened, prepared).when(employ('w1', '2019-10-02')).thenNothingHappened();
});

it('the window closes: the trainees without employment expire, recorded; closing again changes nothing', () => {
  const prepared = {
    type: 'EmploymentTranchePrepared.v1',
    data: {
      classId: 'class-1',
      claimantId: 'inst-1',
      workerId: 'w2',
      employmentId: 'job-w2',
      employedOn: '2019-10-01',
      until: '2019-12-13',
    },
  } as EmploymentTrancheEvent;
  const close = cmd({ type: 'CloseEmploymentTranche', data: { classId: 'class-1' } });
  spec
    .given(opened, prepared)
    .when(close)
    .then({
      type: 'EmploymentTrancheExpired.v1',
      data: {
        classId: 'class-1',
        claimantId: 'inst-1',
        until: '2019-12-13',
        employedWorkerIds: ['w2'],
        expiredWorkerIds: ['w1', 'w3'],
      },
    });
  spec
    .given(opened, prepared, {
      type: 'EmploymentTrancheExpired.v1',
      data: {
        classId: 'class-1',
        claimantId: 'inst-1',
        until: '2019-12-13',
        employedWorkerIds: ['w2'],
        expiredWorkerIds: ['w1', 'w3'],
      },
    })
    .when(close)
    .thenNothingHappened();
});
