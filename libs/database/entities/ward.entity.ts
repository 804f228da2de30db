import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ward or commune (phường/xã): the tenant every other row belongs to. */
@Entity('wards')
export class WardEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('varchar', { length: 32, unique: true })
  code: string;

  @Column('varchar', { length: 255 })
  name: string;

  @Column('varchar', { length: 255, nullable: true })
  province: string | null;
}
