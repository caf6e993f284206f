// The workers read model: masked, from the worker events (phone masks come from the vault).
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface TrainingWishRow {
  occupationCode: string;
  level?: number;
  recordedOn: string;
}

export interface EmploymentRow {
  employmentId: string;
  employerCreditCode: string;
  startDate: string;
  evidenceKind: string;
  endDate?: string;
}

@Entity({ name: 'worker_view' })
export class WorkerViewEntity {
  @PrimaryColumn('uuid', { name: 'worker_id' }) workerId!: string;
  @Column('text', { name: 'id_number_hash' }) idNumberHash!: string;
  @Column('text', { name: 'id_number_masked' }) idNumberMasked!: string;
  @Column('text', { name: 'name_masked' }) nameMasked!: string;
  @Column('text') gender!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'hukou_jurisdiction' }) hukouJurisdiction!: string;
  @Column('text', { name: 'residence_jurisdiction' }) residenceJurisdiction!: string;
  @Column('text') education!: string;
  @Column('text') category!: string;
  @Column('jsonb', { name: 'key_groups' }) keyGroups!: string[];
  @Column('boolean', { name: 'able_to_work' }) ableToWork!: boolean;
  @Column('boolean', { name: 'willing_to_work' }) willingToWork!: boolean;
  @Column('boolean', { name: 'hard_to_move_into_work' }) hardToMoveIntoWork!: boolean;
  @Column('date', { name: 'registered_on' }) registeredOn!: string;
  @Column('jsonb', { name: 'training_wishes' }) trainingWishes!: TrainingWishRow[];
  @Column('jsonb') employments!: EmploymentRow[];
  @Column('boolean') employed!: boolean;
  @Column('bigint', { name: 'registered_at' }) registeredAt!: string;
}
