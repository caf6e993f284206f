import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'enterprise_view' })
export class EnterpriseViewEntity {
  @PrimaryColumn('uuid', { name: 'enterprise_id' }) enterpriseId!: string;
  @Column('text') name!: string;
  @Column('text', { name: 'credit_code' }) creditCode!: string;
  @Column('text') jurisdiction!: string;
  @Column('int') headcount!: number;
  @Column('boolean') small!: boolean;
  @Column('boolean') micro!: boolean;
  @Column('boolean', { name: 'may_set_up_evaluation_body' }) maySetUpEvaluationBody!: boolean;
  @Column('date', { name: 'registered_on' }) registeredOn!: string;
}
