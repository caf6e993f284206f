import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { ApplyForListingHandler } from './apply-for-listing.handler';

@Controller()
export class ApplyForListingNatsController {
  constructor(private readonly handler: ApplyForListingHandler) {}

  @MessagePattern(commandSubject('ApplyForListing'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ApplyForListing'));
  }
}
