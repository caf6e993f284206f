import 'reflect-metadata';
import { runService } from '@jineng/service-runtime';
import { RegistryModule } from './registry.module';

void runService('registry', RegistryModule, { port: 3101 });
