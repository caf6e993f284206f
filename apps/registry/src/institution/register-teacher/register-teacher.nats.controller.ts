import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RegisterTeacherHandler } from './register-teacher.handler';

@Controller()
export class RegisterTeacherNatsController {
  constructor(private readonly handler: RegisterTeacherHandler) {}

  @MessagePattern(commandSubject('RegisterTeacher'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RegisterTeacher'));
  }
}
