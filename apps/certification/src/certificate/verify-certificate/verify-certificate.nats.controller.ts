import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { VerifyCertificateHandler } from './verify-certificate.handler';

@Controller()
export class VerifyCertificateNatsController {
  constructor(private readonly handler: VerifyCertificateHandler) {}

  @MessagePattern(querySubject('VerifyCertificate'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'VerifyCertificate'));
  }
}
