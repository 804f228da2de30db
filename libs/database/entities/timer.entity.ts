import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IsoDate } from '@cchc/domain';

/** A pending timer of any subject; deleted when it fires or is re-planned (see libs/timers). */
@Entity('timers')
@Index('uq_timers_slot', ['subjectType', 'subjectId', 'kind', 'level', 'dueDate'], {
  unique: true,
})
@Index('idx_timers_fire_at', ['fireAt'])
export class TimerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('varchar', { name: 'subject_type', length: 32 })
  subjectType: string;

  @Column('varchar', { name: 'subject_id', length: 64 })
  subjectId: string;

  @Column('varchar', { length: 32 })
  kind: string;

  @Column('int')
  level: number;

  @Column('date', { name: 'due_date', nullable: true })
  dueDate: IsoDate | null;

  @Column('datetime', { name: 'fire_at', precision: 3 })
  fireAt: Date;
}
