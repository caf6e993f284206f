// GetCertificate: a certificate as it stands, for an officer or auditor of its jurisdiction or its institution.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { READERS } from '../../shared/access';
import { certificateFor, certificateView } from '../certificate-access';
import { CertificateQrCodes } from '../qr-code';

@Injectable()
export class GetCertificateHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly qrCodes: CertificateQrCodes,
  ) {}

  async handle(request: RpcRequest<certificationV1.GetCertificate>): Promise<certificationV1.Certificate> {
    const { envelope, payload } = request;
    const certificate = await certificateFor(
      this.commands,
      envelope.principal,
      ['institution', ...READERS],
      payload.certificateId,
    );
    return certificateView(certificate, await this.qrCodes.of(certificate.certificateNumber));
  }
}
