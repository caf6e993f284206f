// Jurisdictions' versioned policy (issue #5): commands and queries over NATS, the read model, the seeds.
import { SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Module } from '@nestjs/common';
import { DiffPolicyVersionsHandler } from './diff-policy-versions/diff-policy-versions.handler';
import { DiffPolicyVersionsNatsController } from './diff-policy-versions/diff-policy-versions.nats.controller';
import { DraftPolicyVersionHandler } from './draft-policy-version/draft-policy-version.handler';
import { DraftPolicyVersionNatsController } from './draft-policy-version/draft-policy-version.nats.controller';
import { GetEffectivePolicyHandler } from './get-effective-policy/get-effective-policy.handler';
import { GetEffectivePolicyNatsController } from './get-effective-policy/get-effective-policy.nats.controller';
import { GetPolicyVersionHandler } from './get-policy-version/get-policy-version.handler';
import { GetPolicyVersionNatsController } from './get-policy-version/get-policy-version.nats.controller';
import { ListPolicyVersionsHandler } from './list-policy-versions/list-policy-versions.handler';
import { ListPolicyVersionsNatsController } from './list-policy-versions/list-policy-versions.nats.controller';
import { PolicyStartup } from './policy-startup';
import { PublishPolicyVersionHandler } from './publish-policy-version/publish-policy-version.handler';
import { PublishPolicyVersionNatsController } from './publish-policy-version/publish-policy-version.nats.controller';
import { createPolicyDataSource } from './read-model/policy-data-source';
import { POLICY_DATA_SOURCE, PolicyVersionsReadModel } from './read-model/policy-versions.read-model';
import { PolicySeedLoader } from './seeds/policy-seed.loader';
import { UpdateDraftHandler } from './update-draft/update-draft.handler';
import { UpdateDraftNatsController } from './update-draft/update-draft.nats.controller';

@Module({
  controllers: [
    DraftPolicyVersionNatsController,
    UpdateDraftNatsController,
    PublishPolicyVersionNatsController,
    GetEffectivePolicyNatsController,
    ListPolicyVersionsNatsController,
    GetPolicyVersionNatsController,
    DiffPolicyVersionsNatsController,
  ],
  providers: [
    {
      provide: POLICY_DATA_SOURCE,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ServiceConfig) => createPolicyDataSource(config),
    },
    PolicyVersionsReadModel,
    DraftPolicyVersionHandler,
    UpdateDraftHandler,
    PublishPolicyVersionHandler,
    PolicySeedLoader,
    GetEffectivePolicyHandler,
    ListPolicyVersionsHandler,
    GetPolicyVersionHandler,
    DiffPolicyVersionsHandler,
    PolicyStartup,
  ],
  // claims read the policy in force through the same read model and resolvePolicy
  exports: [PolicyVersionsReadModel],
})
export class PolicyModule {}
