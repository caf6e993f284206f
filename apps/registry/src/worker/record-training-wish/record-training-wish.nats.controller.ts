import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RecordTrainingWishHandler } from './record-training-wish.handler';

@Controller()
export class RecordTrainingWishNatsController {
  constructor(private readonly handler: RecordTrainingWishHandler) {}

  @MessagePattern(commandSubject('RecordTrainingWish'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RecordTrainingWish'));
  }
}
