import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetInstitutionDirectoryHandler } from './get-institution-directory.handler';

@Controller()
export class GetInstitutionDirectoryNatsController {
  constructor(private readonly handler: GetInstitutionDirectoryHandler) {}

  @MessagePattern(querySubject('GetInstitutionDirectory'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetInstitutionDirectory'));
  }
}
