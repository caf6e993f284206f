import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { GetCertificateHandler } from './get-certificate.handler';

@Controller()
export class GetCertificateNatsController {
  constructor(private readonly handler: GetCertificateHandler) {}

  @MessagePattern(querySubject('GetCertificate'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'GetCertificate'));
  }
}
