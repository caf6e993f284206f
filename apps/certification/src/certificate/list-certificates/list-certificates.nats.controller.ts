import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ListCertificatesHandler } from './list-certificates.handler';

@Controller()
export class ListCertificatesNatsController {
  constructor(private readonly handler: ListCertificatesHandler) {}

  @MessagePattern(querySubject('ListCertificates'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ListCertificates'));
  }
}
