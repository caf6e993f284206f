// ListDevices: an institution's check-in terminals, for the institution and officers of its jurisdiction.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { READERS } from '../../access/access-control';
import { institutionFor } from '../../institution/institution-access';
import { READ_MODEL_DATA_SOURCE } from '../../registry.tokens';
import { DeviceViewEntity } from './device-view.entity';

@Injectable()
export class ListDevicesHandler {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async handle({ envelope, payload }: RpcRequest<registryV1.ListDevices>): Promise<registryV1.DeviceList> {
    await institutionFor(
      this.commands,
      envelope.principal,
      ['institution', ...READERS],
      payload.institutionId,
    );
    const rows = await this.dataSource.getRepository(DeviceViewEntity).find({
      where: { institutionId: payload.institutionId },
      order: { registeredOn: 'ASC', deviceId: 'ASC' },
    });
    return {
      items: rows.map(({ siteAddress, status, ...row }) => ({
        ...row,
        ...(siteAddress ? { siteAddress } : {}),
        status: status as 'active' | 'revoked',
      })),
    };
  }
}
