import type { Projection } from '@jineng/event-store';
import type { EnterpriseRegistered } from '../domain/enterprise.events';
import { EnterpriseViewEntity } from './enterprise-view.entity';

export function enterpriseViewProjection(): Projection {
  return {
    name: 'enterprise-view',
    entities: [EnterpriseViewEntity],
    async apply(recorded, manager) {
      if (recorded.type !== 'EnterpriseRegistered.v1') return;
      await manager
        .getRepository(EnterpriseViewEntity)
        .save({ ...(recorded.data as EnterpriseRegistered['data']) });
    },
  };
}
