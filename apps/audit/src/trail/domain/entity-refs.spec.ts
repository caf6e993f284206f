import { entityRefsOf } from './entity-refs';

const meta = { correlationId: 'corr-1', actor: { userId: 'officer-7', roles: ['county_officer'] } };

describe('entityRefsOf: the ids an event names, from its field names', () => {
  it('reads single ids, id lists and nested ids at any depth, kind = the field name without Id/Ids', () => {
    // ClassCompleted.v1 (docs/contracts.md): classId, institutionId, trainees[] {workerId}, policyVersionIds[]
    const refs = entityRefsOf(
      {
        classId: 'c-1',
        institutionId: 'i-1',
        jurisdictionCode: '140802',
        trainees: [
          { workerId: 'w-1', sessionsAttended: 10 },
          { workerId: 'w-2', sessionsAttended: 9 },
        ],
        policyVersionIds: ['p-1', 'p-2'],
        videoCoverage: { theoryCoveredInFull: true },
      },
      meta,
    );
    expect(refs).toEqual([
      { entityId: 'c-1', kinds: ['class'], fields: ['classId'] },
      { entityId: 'corr-1', kinds: ['correlation'], fields: ['metadata.correlationId'] },
      { entityId: 'i-1', kinds: ['institution'], fields: ['institutionId'] },
      { entityId: 'officer-7', kinds: ['actor'], fields: ['metadata.actor.userId'] },
      { entityId: 'p-1', kinds: ['policyVersion'], fields: ['policyVersionIds'] },
      { entityId: 'p-2', kinds: ['policyVersion'], fields: ['policyVersionIds'] },
      { entityId: 'w-1', kinds: ['worker'], fields: ['trainees[].workerId'] },
      { entityId: 'w-2', kinds: ['worker'], fields: ['trainees[].workerId'] },
    ]);
  });

  it('names an id once per event, with every field and kind it appears under', () => {
    // RosterAmended.v1: the whole roster after, and the ones added
    const refs = entityRefsOf({ classId: 'c-1', workerIds: ['w-1', 'w-2'], addedWorkerIds: ['w-2'] }, {});
    expect(refs.find((r) => r.entityId === 'w-2')).toEqual({
      entityId: 'w-2',
      kinds: ['addedWorker', 'worker'],
      fields: ['addedWorkerIds', 'workerIds'],
    });
    expect(refs.filter((r) => r.entityId === 'w-2')).toHaveLength(1);
  });

  it('reads payment lines of a batch (lines[].paymentId, lines[].claimId)', () => {
    const refs = entityRefsOf(
      {
        batchId: 'b-1',
        fundSource: 'skills_account',
        lines: [{ paymentId: 'pay-1', claimId: 'cl-1', reference: 'R1', amountFen: 120000 }],
      },
      {},
    );
    expect(refs.map((r) => [r.entityId, r.kinds[0], r.fields[0]])).toEqual([
      ['b-1', 'batch', 'batchId'],
      ['cl-1', 'claim', 'lines[].claimId'],
      ['pay-1', 'payment', 'lines[].paymentId'],
    ]);
  });

  it('ignores fields that only look like ids: not text, empty, or too long; and "Id" alone', () => {
    const refs = entityRefsOf(
      { Id: 'x', classId: 42, workerId: '', deviceId: 'd'.repeat(129), claimIds: 'not-a-list', id: 'y' },
      {},
    );
    expect(refs).toEqual([]);
  });

  it('takes no key of the metadata but the correlation id and the actor', () => {
    const refs = entityRefsOf({}, { ...meta, commandId: 'cmd-1', causationId: 'cause-1' });
    expect(refs.map((r) => r.entityId)).toEqual(['corr-1', 'officer-7']);
  });
});
