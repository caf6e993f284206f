import { DeciderSpecification } from '@jineng/testing';
import { expectContracts, metadataAt } from '../../testing/certification.spec-fixture';
import { evaluationBodyDecider } from './evaluation-body.decide';
import { recognises, type EvaluationBodyRecognised, type RecogniseEvaluationBody } from './evaluation-body';
import {
  EnterpriseRequired,
  EvaluationBodyAlreadyRecognised,
  RecognitionEndsBeforeStart,
} from './evaluation-body.errors';

const spec = DeciderSpecification.for(evaluationBodyDecider);
const evaluationBodyId = '3e0b9d4f-5a6c-4d8e-9f2a-3b4c5d6e7f80';
const enterpriseId = '8d5a4c9e-0f1b-4c3d-8e7f-8091a2b3c4d5';

const recognise = (data: Partial<RecogniseEvaluationBody['data']> = {}): RecogniseEvaluationBody => ({
  type: 'RecogniseEvaluationBody',
  data: {
    evaluationBodyId,
    name: '某钢铁集团技能人才评价中心',
    kind: 'enterprise_own',
    jurisdictionCode: '140500',
    enterpriseId,
    recognitions: [
      {
        occupationCode: '6-18-02-04',
        levels: [4, 5, 4],
        kinds: ['skill_level'],
        validFrom: '2021-06-01',
        validUntil: '2024-05-31',
      },
    ],
    ...data,
  },
  metadata: metadataAt('2021-06-01T09:00:00+08:00'),
});

const recognised: EvaluationBodyRecognised = {
  type: 'EvaluationBodyRecognised.v1',
  data: {
    evaluationBodyId,
    name: '某钢铁集团技能人才评价中心',
    kind: 'enterprise_own',
    jurisdictionCode: '140500',
    enterpriseId,
    recognitions: [
      {
        occupationCode: '6-18-02-04',
        levels: [4, 5],
        kinds: ['skill_level'],
        validFrom: '2021-06-01',
        validUntil: '2024-05-31',
      },
    ],
    recognisedBy: 'officer-1',
  },
};

it("records an enterprise's own body and what it is recognised for", () => {
  spec.given().when(recognise()).then(recognised);
  expectContracts([recognised]);
});

it("an enterprise's own body names its enterprise", () => {
  spec
    .given()
    .when(recognise({ enterpriseId: undefined }))
    .thenThrows(EnterpriseRequired);
});

it('a recognition ends on or after its start', () => {
  spec
    .given()
    .when(
      recognise({
        recognitions: [
          {
            occupationCode: 'x',
            levels: [5],
            kinds: ['skill_level'],
            validFrom: '2021-06-01',
            validUntil: '2021-05-31',
          },
        ],
      }),
    )
    .thenThrows(RecognitionEndsBeforeStart, (e) => e.details.index === 0);
});

it('once', () => {
  spec.given(recognised).when(recognise()).thenThrows(EvaluationBodyAlreadyRecognised);
});

it('is recognised for an occupation, level and kind from its first to its last day', () => {
  const { recognisedBy: _by, ...body } = recognised.data;
  const what = { occupationCode: '6-18-02-04', level: 4, kind: 'skill_level' };
  expect(recognises(body, what, '2021-06-01')).toBe(true);
  expect(recognises(body, what, '2024-05-31')).toBe(true);
  expect(recognises(body, what, '2021-05-31')).toBe(false);
  expect(recognises(body, what, '2024-06-01')).toBe(false);
  expect(recognises(body, { ...what, level: 3 }, '2022-01-01')).toBe(false);
  expect(recognises(body, { ...what, kind: 'training_qualified' }, '2022-01-01')).toBe(false);
});
