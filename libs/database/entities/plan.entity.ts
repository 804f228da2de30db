import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IsoDate, PlanKind } from '@cchc/domain';

/** A ward's reform plan (Kế hoạch CCHC) as imported; `revision` counts the imports applied to it. */
@Entity('plans')
@Index('uq_plans_ward_year_number', ['wardId', 'year', 'number'], { unique: true })
export class PlanEntity {
  @PrimaryColumn('char', { length: 36 })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('varchar', { length: 64, nullable: true })
  number: string | null;

  @Column('varchar', { length: 500, nullable: true })
  title: string | null;

  @Column('int')
  year: number;

  /** `par_index`: the ward's PAR-Index plan, whose tasks the criteria of its year link to. */
  @Column('varchar', { length: 16 })
  kind: PlanKind;

  @Column('date', { name: 'issued_on', nullable: true })
  issuedOn: IsoDate | null;

  @Column('varchar', { name: 'source_file', length: 255 })
  sourceFile: string;

  @Column('int')
  revision: number;

  @Column('char', { name: 'created_by', length: 36, nullable: true })
  createdBy: string | null;

  @Column('datetime', { name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
