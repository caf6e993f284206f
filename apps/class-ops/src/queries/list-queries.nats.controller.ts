// jineng.qry.class-ops.{ListClasses, ExportClasses, ListRejectedCheckIns, ExportRejectedCheckIns,
// ListTrainingHistory, ExportTrainingHistory, ListMyTrainings, ExportMyTrainings}: each payload checked against its contract.
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, querySubject } from '../shared/rpc';
import { ClassLists } from './list-handlers';

@Controller()
export class ListQueriesNatsController {
  constructor(private readonly lists: ClassLists) {}

  @MessagePattern(querySubject('ListClasses'))
  classes(@Payload() data: unknown) {
    return this.lists.classes(classOpsRequest(data, 'ListClasses'));
  }

  @MessagePattern(querySubject('ExportClasses'))
  exportClasses(@Payload() data: unknown) {
    return this.lists.exportClasses(classOpsRequest(data, 'ExportClasses'));
  }

  @MessagePattern(querySubject('ListRejectedCheckIns'))
  rejectedCheckIns(@Payload() data: unknown) {
    return this.lists.rejectedCheckIns(classOpsRequest(data, 'ListRejectedCheckIns'));
  }

  @MessagePattern(querySubject('ExportRejectedCheckIns'))
  exportRejectedCheckIns(@Payload() data: unknown) {
    return this.lists.exportRejectedCheckIns(classOpsRequest(data, 'ExportRejectedCheckIns'));
  }

  @MessagePattern(querySubject('ListTrainingHistory'))
  trainingHistory(@Payload() data: unknown) {
    return this.lists.trainingHistory(classOpsRequest(data, 'ListTrainingHistory'));
  }

  @MessagePattern(querySubject('ExportTrainingHistory'))
  exportTrainingHistory(@Payload() data: unknown) {
    return this.lists.exportTrainingHistory(classOpsRequest(data, 'ExportTrainingHistory'));
  }

  @MessagePattern(querySubject('ListMyTrainings'))
  myTrainings(@Payload() data: unknown) {
    return this.lists.myTrainings(classOpsRequest(data, 'ListMyTrainings'));
  }

  @MessagePattern(querySubject('ExportMyTrainings'))
  exportMyTrainings(@Payload() data: unknown) {
    return this.lists.exportMyTrainings(classOpsRequest(data, 'ExportMyTrainings'));
  }
}
