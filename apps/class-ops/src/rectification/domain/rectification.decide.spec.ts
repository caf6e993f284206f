// Given / when / then for RecordRectification: it answers the failures open at the time, each class once;
// with nothing open it is refused; the event matches its contract.
import { DeciderSpecification } from '@jineng/testing';
import { expectEventsMatchContracts, metadataAt } from '../../testing/class-ops.fixture';
import {
  NothingToRectify,
  rectificationDecider,
  type InstitutionRectificationRecorded,
  type RecordRectification,
} from './rectification';

const spec = DeciderSpecification.for(rectificationDecider);
const institutionId = '22222222-2222-4222-8222-222222222222';
const classA = '55555555-5555-4555-8555-00000000000a';
const classB = '55555555-5555-4555-8555-00000000000b';
const NOW = '2021-11-02T10:00:00+08:00';
const officer = { userId: 'officer-1', roles: ['county_officer' as const] };

const record = (openClassIds: string[], reason = '已整改：更换教师并补充实训'): RecordRectification => ({
  type: 'RecordRectification',
  data: { institutionId, jurisdiction: '419001', reason, openClassIds },
  metadata: metadataAt(NOW, { actor: officer }),
});

const recorded = (
  classIds: string[],
  reason = '已整改：更换教师并补充实训',
): InstitutionRectificationRecorded => ({
  type: 'InstitutionRectificationRecorded.v1',
  data: { institutionId, jurisdictionCode: '419001', classIds, reason, recordedBy: 'officer-1' },
});

describe('RecordRectification', () => {
  it('records the rectification of every open satisfaction failure of the institution', () => {
    const event = recorded([classA, classB]);
    spec
      .given()
      .when(record([classB, classA, classA]))
      .then(event);
    expectEventsMatchContracts([event]);
  });

  it('answers only the failures not rectified before (a later shortfall needs its own rectification)', () => {
    spec
      .given(recorded([classA]))
      .when(record([classA, classB], '第二次整改'))
      .then(recorded([classB], '第二次整改'));
  });

  it('refuses when the institution has nothing to rectify', () => {
    const error = spec.given().when(record([])).thenThrows(NothingToRectify);
    expect(error.code).toBe('CLASS.NOTHING_TO_RECTIFY');
    spec
      .given(recorded([classA]))
      .when(record([classA]))
      .thenThrows(NothingToRectify);
  });
});
