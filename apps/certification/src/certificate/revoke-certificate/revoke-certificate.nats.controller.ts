import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { RevokeCertificateHandler } from './revoke-certificate.handler';

@Controller()
export class RevokeCertificateNatsController {
  constructor(private readonly handler: RevokeCertificateHandler) {}

  @MessagePattern(commandSubject('RevokeCertificate'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'RevokeCertificate'));
  }
}
