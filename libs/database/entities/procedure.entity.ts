import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An administrative procedure (thủ tục hành chính) a ward handles, with its statutory time. */
@Entity('procedures')
@Index('uq_procedures_ward_code', ['wardId', 'code'], { unique: true })
export class ProcedureEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  /** The national procedure code (e.g. 1.001193) or the ward's own. */
  @Column('varchar', { length: 64 })
  code: string;

  @Column('varchar', { length: 500 })
  name: string;

  /** Statutory processing time, in working days. */
  @Column('int', { name: 'processing_days' })
  processingDays: number;

  @Column('char', { name: 'handling_unit_id', length: 36 })
  handlingUnitId: string;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
