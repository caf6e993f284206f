import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { occupationCatalogue } from '../../catalogue/occupation-catalogue';
import { OccupationNotFound } from '../occupation.errors';
import { toOccupationView } from '../list-occupations/list-occupations.handler';

@Injectable()
export class GetOccupationHandler {
  handle({ payload }: RpcRequest<registryV1.GetOccupation>): registryV1.OccupationView {
    const occupation = occupationCatalogue.find(payload.code);
    if (!occupation) throw new OccupationNotFound({ code: payload.code });
    return toOccupationView(occupation);
  }
}
