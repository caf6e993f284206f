// ListOccupations: the catalogue, for every role.
import type { registryV1 } from '@jineng/contracts';
import { Injectable } from '@nestjs/common';
import { occupationCatalogue, type Occupation } from '../../catalogue/occupation-catalogue';

export const toOccupationView = (o: Occupation): registryV1.OccupationView => ({
  code: o.code,
  codeKind: o.codeKind,
  name: o.name,
  nameEn: o.nameEn,
  levels: [...o.levels],
  certificateTypes: [...o.certificateTypes],
  nationalStandard: o.nationalStandard,
  ...(o.source ? { source: o.source } : {}),
});

@Injectable()
export class ListOccupationsHandler {
  handle(_request: unknown): registryV1.OccupationList {
    return { items: occupationCatalogue.all().map(toOccupationView) };
  }
}
