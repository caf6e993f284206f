import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'device_view' })
export class DeviceViewEntity {
  @PrimaryColumn('uuid', { name: 'device_id' }) deviceId!: string;
  @Column('uuid', { name: 'institution_id' }) institutionId!: string;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'serial_number' }) serialNumber!: string;
  @Column('text', { name: 'site_name' }) siteName!: string;
  @Column('text', { name: 'site_address', nullable: true }) siteAddress!: string | null;
  @Column('text') kind!: string;
  @Column('text') status!: string;
  @Column('date', { name: 'registered_on' }) registeredOn!: string;
}
