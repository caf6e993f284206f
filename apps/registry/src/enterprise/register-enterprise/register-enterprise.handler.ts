// RegisterEnterprise: an enterprise registers itself (or an officer registers it); one per credit code.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { CreditCodeTaken } from '../../institution/domain/institution.errors';
import { claim } from '../../persistence/unique-claims';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { enterpriseDecider } from '../domain/enterprise.decide';
import { enterpriseStreamId } from '../domain/enterprise.events';

@Injectable()
export class RegisterEnterpriseHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RegisterEnterprise>): Promise<registryV1.CommandAccepted> {
    authorize(envelope.principal, ['enterprise', ...OFFICERS], {
      jurisdiction: payload.jurisdiction,
      enterpriseId: payload.enterpriseId,
    });
    const creditCode = payload.creditCode.toUpperCase();
    const result = await this.infra.executeWith(
      {
        decider: enterpriseDecider,
        streamId: enterpriseStreamId(payload.enterpriseId),
        command: {
          type: 'RegisterEnterprise',
          metadata: this.infra.metadata(envelope, payload.jurisdiction),
          data: { ...payload, creditCode },
        },
      },
      async (tx) => {
        const owner = await claim(tx, this.infra.schema, 'credit-code', creditCode, payload.enterpriseId);
        if (owner !== payload.enterpriseId) throw new CreditCodeTaken({ creditCode, ownerId: owner });
      },
    );
    return accepted(payload.enterpriseId, result);
  }
}
