import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A unit of a ward: phòng chuyên môn, Trung tâm Phục vụ HCC, Công an phường ... */
@Entity('org_units')
@Index(['wardId', 'code'], { unique: true })
export class OrgUnitEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('varchar', { length: 32 })
  code: string;

  @Column('varchar', { length: 255 })
  name: string;
}
