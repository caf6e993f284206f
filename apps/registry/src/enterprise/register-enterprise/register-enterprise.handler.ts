// RegisterEnterprise: an enterprise registers itself (or an officer registers it); one per credit code.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { CreditCodeTaken } from '../../institution/domain/institution.errors';
import { claim } from '../../persistence/unique-claims';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { enterpriseDecider } from '../domain/enterprise.decide';
import { enterpriseStreamId } from '../domain/enterprise.events';

@Injectable()
export class RegisterEnterpriseHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
  ) {}

  async handle(request: RpcRequest<registryV1.RegisterEnterprise>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    authorize(envelope.principal, ['enterprise', ...OFFICERS], {
      jurisdiction: payload.jurisdiction,
      enterpriseId: payload.enterpriseId,
    });
    const creditCode = payload.creditCode.toUpperCase();
    const result = await this.commands.run(request, {
      decider: enterpriseDecider,
      streamId: enterpriseStreamId(payload.enterpriseId),
      jurisdiction: payload.jurisdiction,
      command: { type: 'RegisterEnterprise', data: { ...payload, creditCode } },
      withEvents: async (tx) => {
        const owner = await claim(tx, this.infra.schema, 'credit-code', creditCode, payload.enterpriseId);
        if (owner !== payload.enterpriseId) throw new CreditCodeTaken({ creditCode, ownerId: owner });
      },
    });
    return commandAccepted(payload.enterpriseId, result);
  }
}
