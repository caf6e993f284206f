// GetCertificate: a certificate as it stands, for an officer or auditor of its jurisdiction or its institution.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { READERS } from '../../shared/access';
import { certificateFor, certificateView } from '../certificate-access';

@Injectable()
export class GetCertificateHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<certificationV1.GetCertificate>): Promise<certificationV1.Certificate> {
    const { envelope, payload } = request;
    return certificateView(
      await certificateFor(
        this.commands,
        envelope.principal,
        ['institution', ...READERS],
        payload.certificateId,
      ),
    );
  }
}
