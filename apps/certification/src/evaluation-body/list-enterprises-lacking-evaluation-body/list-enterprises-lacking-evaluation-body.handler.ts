// ListEnterprisesLackingEvaluationBody: officers and auditors of the jurisdiction (and below).
import type { certificationV1 } from '@jineng/contracts';
import type { Clock } from '@jineng/kernel';
import { queryPage } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CLOCK, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { CertificationReads } from '../../local/certification-reads';
import { enterpriseBodyList, enterpriseBodyScope } from './enterprise-body-list';

@Injectable()
export class ListEnterprisesLackingEvaluationBodyHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    private readonly reads: CertificationReads,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<certificationV1.ListEnterprisesLackingEvaluationBody>): Promise<certificationV1.EnterpriseEvaluationBodyPage> {
    const { jurisdiction, ...request } = payload;
    const scope = await enterpriseBodyScope(this.reads, this.clock, envelope.principal, jurisdiction);
    const page = scope.conditions
      ? await queryPage(this.pool, enterpriseBodyList, this.config.schema, request, scope.conditions)
      : { items: [], total: 0, page: request.page ?? 1, pageSize: request.pageSize ?? 50 };
    return {
      ...page,
      items: page.items as unknown as certificationV1.EnterpriseLackingEvaluationBody[],
      ...(scope.rule ? { minStaff: scope.rule.minStaff } : {}),
      ...(scope.rule?.deadline ? { deadline: scope.rule.deadline } : {}),
      policyVersionIds: scope.rule ? [scope.rule.versionId] : [],
    };
  }
}
