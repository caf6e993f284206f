// The list queries of class-ops: one page, or every row as a file (.xlsx or JSON) through the file
// store (NATS replies carry at most 1 MB; the gateway streams the file out).
import type { classOpsV1, commonV1 } from '@jineng/contracts';
import {
  countRows,
  ExportTooLargeError,
  iterateRows,
  queryPage,
  type ListDefinition,
  type ListRow,
  type Page,
} from '@jineng/lists';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import {
  FILE_STORE,
  PG_POOL,
  SERVICE_CLOCK,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import type { Clock } from '@jineng/kernel';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  classList,
  exportFile,
  MAX_EXPORT_ROWS,
  rejectedCheckInList,
  trainingHistoryList,
} from './class-lists';
import { QueryScopes } from './query-scopes';

type Request = Record<string, unknown> & { format?: 'xlsx' | 'json' };

@Injectable()
export class ClassLists {
  private readonly schema: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    @Inject(FILE_STORE) private readonly files: FileStore,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
    private readonly scopes: QueryScopes,
  ) {
    this.schema = config.schema;
  }

  private page<C extends string, F extends string>(
    definition: ListDefinition<C, F>,
    payload: Request,
    fixed: Parameters<typeof queryPage>[4],
  ) {
    return queryPage(this.pool, definition, this.schema, payload as never, fixed);
  }

  private async file<C extends string, F extends string>(
    definition: ListDefinition<C, F>,
    payload: Request,
    fixed: Parameters<typeof queryPage>[4],
    name: string,
  ): Promise<commonV1.FileReply> {
    const rows = await countRows(this.pool, definition, this.schema, payload as never, fixed);
    if (rows > MAX_EXPORT_ROWS) throw new ExportTooLargeError({ rows, max: MAX_EXPORT_ROWS });
    const rowsOf = iterateRows(this.pool, definition, this.schema, payload as never, fixed);
    return this.files.put(exportFile(definition, rowsOf, payload.format!, name, this.clock.now()));
  }

  async classes({ envelope, payload }: RpcRequest<classOpsV1.ListClasses>): Promise<classOpsV1.ClassPage> {
    const page = await this.page(
      classList,
      payload as unknown as Request,
      this.scopes.classes(envelope.principal, payload),
    );
    return page as unknown as classOpsV1.ClassPage;
  }

  exportClasses({ envelope, payload }: RpcRequest<classOpsV1.ExportClasses>): Promise<commonV1.FileReply> {
    const scope = this.scopes.classes(envelope.principal, payload);
    return this.file(
      classList,
      payload as unknown as Request,
      scope,
      `培训班-${payload.jurisdiction ?? envelope.principal.jurisdiction}`,
    );
  }

  async rejectedCheckIns({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ListRejectedCheckIns>): Promise<classOpsV1.RejectedCheckInPage> {
    const scope = await this.scopes.rejectedCheckIns(envelope.principal, payload);
    return (await this.page(
      rejectedCheckInList,
      payload as unknown as Request,
      scope,
    )) as unknown as classOpsV1.RejectedCheckInPage;
  }

  async exportRejectedCheckIns({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ExportRejectedCheckIns>): Promise<commonV1.FileReply> {
    const scope = await this.scopes.rejectedCheckIns(envelope.principal, payload);
    return this.file(
      rejectedCheckInList,
      payload as unknown as Request,
      scope,
      `被拒签到-${payload.classId ?? payload.deviceId}`,
    );
  }

  async trainingHistory({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ListTrainingHistory>): Promise<classOpsV1.TrainingHistoryPage> {
    const scope = await this.scopes.trainingHistory(envelope.principal, payload.workerId);
    return historyPage(await this.page(trainingHistoryList, payload as unknown as Request, scope));
  }

  async exportTrainingHistory({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ExportTrainingHistory>): Promise<commonV1.FileReply> {
    const scope = await this.scopes.trainingHistory(envelope.principal, payload.workerId);
    return this.file(
      trainingHistoryList,
      payload as unknown as Request,
      scope,
      `培训记录-${payload.workerId}`,
    );
  }

  /** ListMyTrainings: the same history list, scoped to the signed-in worker by the service itself. */
  async myTrainings({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ListMyTrainings>): Promise<classOpsV1.TrainingHistoryPage> {
    const scope = this.scopes.ownTrainings(envelope.principal);
    return historyPage(await this.page(trainingHistoryList, payload as unknown as Request, scope));
  }

  exportMyTrainings({
    envelope,
    payload,
  }: RpcRequest<classOpsV1.ExportMyTrainings>): Promise<commonV1.FileReply> {
    const scope = this.scopes.ownTrainings(envelope.principal);
    return this.file(trainingHistoryList, payload as unknown as Request, scope, '我的培训');
  }
}

/** A history page as its contract has it: an institution's name absent (not null) when unknown. */
function historyPage(page: Page<ListRow<string>>): classOpsV1.TrainingHistoryPage {
  return {
    ...page,
    items: page.items.map(({ institutionName, ...row }) => ({
      ...(row as unknown as classOpsV1.TrainingHistoryRow),
      ...(institutionName ? { institutionName: String(institutionName) } : {}),
    })),
  };
}
