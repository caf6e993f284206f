import { DeciderSpecification } from '@jineng/testing';
import { UnknownJurisdiction } from '../../shared/domain/registry.errors';
import { expectEventsMatchContracts, metadataAt } from '../../testing/registry.fixture';
import { enterpriseDecider, type RegisterEnterprise } from './enterprise.decide';
import { EnterpriseAlreadyRegistered, MicroMustBeSmall } from './enterprise.errors';
import type { EnterpriseRegistered } from './enterprise.events';

const spec = DeciderSpecification.for(enterpriseDecider);
const data = {
  enterpriseId: '7d2e4f6a-1b3c-4d5e-8f9a-0b1c2d3e4f5a',
  name: '运城市某机械有限公司',
  creditCode: '91140802MA0DEM0013',
  jurisdiction: '140802',
  headcount: 300,
  small: false,
  micro: false,
};
const register = (overrides: Partial<RegisterEnterprise['data']> = {}): RegisterEnterprise => ({
  type: 'RegisterEnterprise',
  metadata: metadataAt(),
  data: { ...data, ...overrides },
});
const registered: EnterpriseRegistered = {
  type: 'EnterpriseRegistered.v1',
  data: { ...data, maySetUpEvaluationBody: true, registeredOn: '2026-03-02' },
};

it('registers an enterprise; from 300 staff it may set up its own skills evaluation body', () => {
  spec.given().when(register()).then(registered);
  spec
    .given()
    .when(register({ headcount: 299, small: true }))
    .then({
      type: 'EnterpriseRegistered.v1',
      data: {
        ...data,
        headcount: 299,
        small: true,
        maySetUpEvaluationBody: false,
        registeredOn: '2026-03-02',
      },
    });
  expectEventsMatchContracts([
    { ...registered, data: { ...registered.data, creditCode: '91350100M000100Y43' } },
  ]);
});

it('refuses a second registration, a micro enterprise that is not small, an unknown jurisdiction', () => {
  spec.given(registered).when(register()).thenThrows(EnterpriseAlreadyRegistered);
  spec
    .given()
    .when(register({ micro: true }))
    .thenThrows(MicroMustBeSmall, (e) => e.details.field === 'small');
  spec
    .given()
    .when(register({ jurisdiction: '140899' }))
    .thenThrows(UnknownJurisdiction);
});
