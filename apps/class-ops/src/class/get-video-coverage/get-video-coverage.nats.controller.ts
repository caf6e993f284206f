import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, querySubject } from '../../shared/rpc';
import { GetVideoCoverageHandler } from './get-video-coverage.handler';

@Controller()
export class GetVideoCoverageNatsController {
  constructor(private readonly handler: GetVideoCoverageHandler) {}

  @MessagePattern(querySubject('GetVideoCoverage'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'GetVideoCoverage'));
  }
}
