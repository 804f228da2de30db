import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A ward's own name for one of its units or for a group of units, used by plan imports. */
@Entity('unit_aliases')
@Index('uq_unit_aliases_ward_key', ['wardId', 'aliasKey'], { unique: true })
export class UnitAliasEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('varchar', { length: 255 })
  alias: string;

  /** `unitNameKey(alias)`: two spellings of one name cannot both be listed. */
  @Column('varchar', { name: 'alias_key', length: 191 })
  aliasKey: string;

  @Column('char', { name: 'unit_id', length: 36, nullable: true })
  unitId: string | null;

  @Column('varchar', { name: 'group_code', length: 32, nullable: true })
  groupCode: string | null;

  @Column('char', { name: 'updated_by', length: 36, nullable: true })
  updatedBy: string | null;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
