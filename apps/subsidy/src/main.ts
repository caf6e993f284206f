import { runService } from '@jineng/service-runtime';
import { SubsidyModule } from './subsidy.module';

void runService('subsidy', SubsidyModule, { port: 3104 });
