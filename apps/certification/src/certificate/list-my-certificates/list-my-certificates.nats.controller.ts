import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, querySubject } from '../../shared/rpc';
import { ListMyCertificatesHandler } from './list-my-certificates.handler';

@Controller()
export class ListMyCertificatesNatsController {
  constructor(private readonly handler: ListMyCertificatesHandler) {}

  @MessagePattern(querySubject('ListMyCertificates'))
  list(@Payload() data: unknown) {
    return this.handler.list(certificationRequest(data, 'ListMyCertificates'));
  }

  @MessagePattern(querySubject('ExportMyCertificates'))
  export(@Payload() data: unknown) {
    return this.handler.export(certificationRequest(data, 'ExportMyCertificates'));
  }
}
