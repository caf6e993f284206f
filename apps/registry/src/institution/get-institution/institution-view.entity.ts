// The institutions read model, from the institution events (bank account and teachers masked).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'institution_view' })
export class InstitutionViewEntity {
  @PrimaryColumn('uuid', { name: 'institution_id' }) institutionId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'credit_code' }) creditCode!: string;
  @Column('text') type!: string;
  @Column('text') jurisdiction!: string;
  @Column('text') status!: string;
  @Column('text', { name: 'licence_number' }) licenceNumber!: string;
  @Column('text', { name: 'bank_name' }) bankName!: string;
  @Column('text', { name: 'bank_account_masked' }) bankAccountMasked!: string;
  @Column('int', { name: 'site_area_m2' }) siteAreaM2!: number;
  @Column('jsonb') equipment!: { name: string; quantity: number }[];
  @Column('jsonb') scope!: { occupationCode: string; levels: number[] }[];
  @Column('jsonb') teachers!: {
    teacherId: string;
    nameMasked: string;
    idNumberMasked: string;
    occupationCodes: string[];
    fullTime: boolean;
    registeredOn: string;
  }[];
  @Column('jsonb', { name: 'site_evaluations' }) siteEvaluations!: {
    evaluatedOn: string;
    passed: boolean;
    reportReference: string;
    expertCount: number;
  }[];
  @Column('text', { name: 'publication_batch', nullable: true }) publicationBatch!: string | null;
  @Column('date', { name: 'listed_on', nullable: true }) listedOn!: string | null;
  @Column('text', { name: 'suspension_reason', nullable: true }) suspensionReason!: string | null;
  @Column('date', { name: 'rectification_deadline', nullable: true }) rectificationDeadline!: string | null;
  @Column('jsonb') disqualifications!: { year: number; reason: string }[];
  @Column('date', { name: 'applied_on' }) appliedOn!: string;
}
