// The registry service (issue #4): labour registry, institution directory, enterprises, occupation
// catalogue, check-in devices. See apps/registry/README.md.
import { SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Module, type Provider, type Type } from '@nestjs/common';
import { registryKeysFromEnv } from './config/registry-keys';
import { ListDevicesHandler } from './device/list-devices/list-devices.handler';
import { ListDevicesNatsController } from './device/list-devices/list-devices.nats.controller';
import { RegisterDeviceHandler } from './device/register-device/register-device.handler';
import { RegisterDeviceNatsController } from './device/register-device/register-device.nats.controller';
import { RevokeDeviceHandler } from './device/revoke-device/revoke-device.handler';
import { RevokeDeviceNatsController } from './device/revoke-device/revoke-device.nats.controller';
import { GetEnterpriseHandler } from './enterprise/get-enterprise/get-enterprise.handler';
import { GetEnterpriseNatsController } from './enterprise/get-enterprise/get-enterprise.nats.controller';
import { ListEnterprisesHandler } from './enterprise/list-enterprises/list-enterprises.handler';
import { ListEnterprisesNatsController } from './enterprise/list-enterprises/list-enterprises.nats.controller';
import { RegisterEnterpriseHandler } from './enterprise/register-enterprise/register-enterprise.handler';
import { RegisterEnterpriseNatsController } from './enterprise/register-enterprise/register-enterprise.nats.controller';
import { ApplyForListingHandler } from './institution/apply-for-listing/apply-for-listing.handler';
import { ApplyForListingNatsController } from './institution/apply-for-listing/apply-for-listing.nats.controller';
import { DisqualifyOnQualityFailureConsumer } from './institution/disqualify-on-quality-failure/disqualify-on-quality-failure.consumer';
import { SuspendOnFraudAlertConsumer } from './institution/suspend-on-fraud-alert/suspend-on-fraud-alert.consumer';
import { DelistInstitutionHandler } from './institution/delist-institution/delist-institution.handler';
import { DelistInstitutionNatsController } from './institution/delist-institution/delist-institution.nats.controller';
import { DisqualifyInstitutionForYearHandler } from './institution/disqualify-institution-for-year/disqualify-institution-for-year.handler';
import { DisqualifyInstitutionForYearNatsController } from './institution/disqualify-institution-for-year/disqualify-institution-for-year.nats.controller';
import { GetInstitutionHandler } from './institution/get-institution/get-institution.handler';
import { GetInstitutionNatsController } from './institution/get-institution/get-institution.nats.controller';
import { GetInstitutionDirectoryHandler } from './institution/get-institution-directory/get-institution-directory.handler';
import { GetInstitutionDirectoryNatsController } from './institution/get-institution-directory/get-institution-directory.nats.controller';
import { ListPublicInstitutionsHandler } from './institution/list-public-institutions/list-public-institutions.handler';
import { ListPublicInstitutionsNatsController } from './institution/list-public-institutions/list-public-institutions.nats.controller';
import { InstitutionPersonalDataVault } from './institution/institution-personal-data.vault';
import { ListInstitutionHandler } from './institution/list-institution/list-institution.handler';
import { ListInstitutionNatsController } from './institution/list-institution/list-institution.nats.controller';
import { ListInstitutionRecordsHandler } from './institution/list-institution-records/list-institution-records.handler';
import { ListInstitutionRecordsNatsController } from './institution/list-institution-records/list-institution-records.nats.controller';
import { RecordSiteEvaluationHandler } from './institution/record-site-evaluation/record-site-evaluation.handler';
import { RecordSiteEvaluationNatsController } from './institution/record-site-evaluation/record-site-evaluation.nats.controller';
import { RegisterTeacherHandler } from './institution/register-teacher/register-teacher.handler';
import { RegisterTeacherNatsController } from './institution/register-teacher/register-teacher.nats.controller';
import { ReinstateInstitutionHandler } from './institution/reinstate-institution/reinstate-institution.handler';
import { ReinstateInstitutionNatsController } from './institution/reinstate-institution/reinstate-institution.nats.controller';
import { SuspendInstitutionHandler } from './institution/suspend-institution/suspend-institution.handler';
import { SuspendInstitutionNatsController } from './institution/suspend-institution/suspend-institution.nats.controller';
import { UpdateInstitutionScopeHandler } from './institution/update-institution-scope/update-institution-scope.handler';
import { UpdateInstitutionScopeNatsController } from './institution/update-institution-scope/update-institution-scope.nats.controller';
import { GetOccupationHandler } from './occupation/get-occupation/get-occupation.handler';
import { GetOccupationNatsController } from './occupation/get-occupation/get-occupation.nats.controller';
import { ListOccupationsHandler } from './occupation/list-occupations/list-occupations.handler';
import { ListOccupationsNatsController } from './occupation/list-occupations/list-occupations.nats.controller';
import { PersonalDataCipher } from './personal-data/personal-data-cipher';
import { createRegistryDataSource, ReadModelRunners } from './persistence/read-models';
import { payeeSealingKeyFromEnv } from './config/payee-sealing-key';
import { RecordPayeeAccountHandler } from './payee-account/record-payee-account/record-payee-account.handler';
import { RecordPayeeAccountNatsController } from './payee-account/record-payee-account/record-payee-account.nats.controller';
import {
  PAYEE_SEALING_KEY,
  PERSONAL_DATA_CIPHER,
  READ_MODEL_DATA_SOURCE,
  ROSTER_LIMITS,
} from './registry.tokens';
import { GetRosterImportReportHandler } from './roster-import/get-roster-import-report/get-roster-import-report.handler';
import { GetRosterImportReportNatsController } from './roster-import/get-roster-import-report/get-roster-import-report.nats.controller';
import { ImportAdmission } from './roster-import/import-roster/import-admission';
import { ImportRosterHandler } from './roster-import/import-roster/import-roster.handler';
import { ImportRosterNatsController } from './roster-import/import-roster/import-roster.nats.controller';
import { RosterImportStore } from './roster-import/roster-import.store';
import { rosterLimitsFromEnv } from './roster-import/roster-limits';
import { UploadRosterPartHandler } from './roster-import/upload-roster-part/upload-roster-part.handler';
import { UploadRosterPartNatsController } from './roster-import/upload-roster-part/upload-roster-part.nats.controller';
import { RegistryInfrastructure } from './shared/registry-infrastructure';
import { EndEmploymentHandler } from './worker/end-employment/end-employment.handler';
import { EndEmploymentNatsController } from './worker/end-employment/end-employment.nats.controller';
import { ExportWorkersHandler } from './worker/export-workers/export-workers.handler';
import { ExportWorkersNatsController } from './worker/export-workers/export-workers.nats.controller';
import { StartWorkerExportHandler } from './worker/start-worker-export/start-worker-export.handler';
import { StartWorkerExportNatsController } from './worker/start-worker-export/start-worker-export.nats.controller';
import { FindWorkerByIdNumberHandler } from './worker/find-worker-by-id-number/find-worker-by-id-number.handler';
import { FindWorkerByIdNumberNatsController } from './worker/find-worker-by-id-number/find-worker-by-id-number.nats.controller';
import { GetWorkerHandler } from './worker/get-worker/get-worker.handler';
import { GetWorkerNatsController } from './worker/get-worker/get-worker.nats.controller';
import { ListWorkersHandler } from './worker/list-workers/list-workers.handler';
import { ListWorkersNatsController } from './worker/list-workers/list-workers.nats.controller';
import { RecordEmploymentHandler } from './worker/record-employment/record-employment.handler';
import { RecordEmploymentNatsController } from './worker/record-employment/record-employment.nats.controller';
import { RecordTrainingWishHandler } from './worker/record-training-wish/record-training-wish.handler';
import { RecordTrainingWishNatsController } from './worker/record-training-wish/record-training-wish.nats.controller';
import { RegisterWorkerHandler } from './worker/register-worker/register-worker.handler';
import { RegisterWorkerNatsController } from './worker/register-worker/register-worker.nats.controller';
import { RevealWorkerPersonalDataHandler } from './worker/reveal-worker-personal-data/reveal-worker-personal-data.handler';
import { RevealWorkerPersonalDataNatsController } from './worker/reveal-worker-personal-data/reveal-worker-personal-data.nats.controller';
import { UpdateWorkerProfileHandler } from './worker/update-worker-profile/update-worker-profile.handler';
import { UpdateWorkerProfileNatsController } from './worker/update-worker-profile/update-worker-profile.nats.controller';
import { WorkerPersonalDataVault } from './worker/worker-personal-data.vault';

/** One entry per use case: its NATS controller and its handler. */
const USE_CASES: readonly [Type, Type][] = [
  [RegisterWorkerNatsController, RegisterWorkerHandler],
  [UpdateWorkerProfileNatsController, UpdateWorkerProfileHandler],
  [RecordTrainingWishNatsController, RecordTrainingWishHandler],
  [RecordEmploymentNatsController, RecordEmploymentHandler],
  [EndEmploymentNatsController, EndEmploymentHandler],
  [RevealWorkerPersonalDataNatsController, RevealWorkerPersonalDataHandler],
  [GetWorkerNatsController, GetWorkerHandler],
  [ListWorkersNatsController, ListWorkersHandler],
  [ExportWorkersNatsController, ExportWorkersHandler],
  [StartWorkerExportNatsController, StartWorkerExportHandler],
  [FindWorkerByIdNumberNatsController, FindWorkerByIdNumberHandler],
  [UploadRosterPartNatsController, UploadRosterPartHandler],
  [ImportRosterNatsController, ImportRosterHandler],
  [GetRosterImportReportNatsController, GetRosterImportReportHandler],
  [ApplyForListingNatsController, ApplyForListingHandler],
  [RecordSiteEvaluationNatsController, RecordSiteEvaluationHandler],
  [ListInstitutionNatsController, ListInstitutionHandler],
  [SuspendInstitutionNatsController, SuspendInstitutionHandler],
  [ReinstateInstitutionNatsController, ReinstateInstitutionHandler],
  [DelistInstitutionNatsController, DelistInstitutionHandler],
  [DisqualifyInstitutionForYearNatsController, DisqualifyInstitutionForYearHandler],
  [RegisterTeacherNatsController, RegisterTeacherHandler],
  [UpdateInstitutionScopeNatsController, UpdateInstitutionScopeHandler],
  [GetInstitutionNatsController, GetInstitutionHandler],
  [ListInstitutionRecordsNatsController, ListInstitutionRecordsHandler],
  [GetInstitutionDirectoryNatsController, GetInstitutionDirectoryHandler],
  [ListPublicInstitutionsNatsController, ListPublicInstitutionsHandler],
  [RegisterEnterpriseNatsController, RegisterEnterpriseHandler],
  [GetEnterpriseNatsController, GetEnterpriseHandler],
  [ListEnterprisesNatsController, ListEnterprisesHandler],
  [RegisterDeviceNatsController, RegisterDeviceHandler],
  [RevokeDeviceNatsController, RevokeDeviceHandler],
  [ListDevicesNatsController, ListDevicesHandler],
  [ListOccupationsNatsController, ListOccupationsHandler],
  [GetOccupationNatsController, GetOccupationHandler],
  [RecordPayeeAccountNatsController, RecordPayeeAccountHandler],
];

const INFRASTRUCTURE: Provider[] = [
  // keys are read and checked first: without them the service does not start
  { provide: PERSONAL_DATA_CIPHER, useFactory: () => new PersonalDataCipher(registryKeysFromEnv()) },
  // a bad roster limit in the environment stops the start, naming it
  { provide: ROSTER_LIMITS, useFactory: () => rosterLimitsFromEnv() },
  // the fund ledger's public key for payees' accounts (required in production)
  { provide: PAYEE_SEALING_KEY, useFactory: () => payeeSealingKeyFromEnv() },
  {
    // on the tables of registryMigrations, applied by the migration step before the service starts
    provide: READ_MODEL_DATA_SOURCE,
    inject: [SERVICE_CONFIG],
    useFactory: (config: ServiceConfig) => createRegistryDataSource(config),
  },
  RegistryInfrastructure,
  WorkerPersonalDataVault,
  InstitutionPersonalDataVault,
  RosterImportStore,
  ImportAdmission,
  ReadModelRunners,
  // certification's InstitutionFailedQualityThreshold → disqualified for the next year
  DisqualifyOnQualityFailureConsumer,
  // audit's FraudAlertConfirmed with a suspension → the institutions it names suspended
  SuspendOnFraudAlertConsumer,
];

@Module({
  controllers: USE_CASES.map(([controller]) => controller),
  providers: [...INFRASTRUCTURE, ...USE_CASES.map(([, handler]) => handler)],
})
export class RegistryModule {}
