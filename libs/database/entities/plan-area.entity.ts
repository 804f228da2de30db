import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A section of a plan's task table (I. Công tác chỉ đạo, điều hành …). */
@Entity('plan_areas')
export class PlanAreaEntity {
  @PrimaryColumn('char', { name: 'plan_id', length: 36 })
  planId: string;

  @PrimaryColumn('varchar', { length: 16 })
  code: string;

  @Column('varchar', { length: 500 })
  title: string;

  @Column('int')
  position: number;
}
