import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { IssueCertificateHandler } from './issue-certificate.handler';

@Controller()
export class IssueCertificateNatsController {
  constructor(private readonly handler: IssueCertificateHandler) {}

  @MessagePattern(commandSubject('IssueCertificate'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'IssueCertificate'));
  }
}
