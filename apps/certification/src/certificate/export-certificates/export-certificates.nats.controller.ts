import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ExportCertificatesHandler } from './export-certificates.handler';

@Controller()
export class ExportCertificatesNatsController {
  constructor(private readonly handler: ExportCertificatesHandler) {}

  @MessagePattern(querySubject('ExportCertificates'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'ExportCertificates'));
  }
}
