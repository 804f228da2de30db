import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IsoDate, NotifyRecipient } from '@cchc/domain';

/** A reminder, overdue notice or escalation that happened: once per task, kind, level and due date. */
@Entity('escalations')
@Index('uq_escalations_once', ['taskId', 'kind', 'level', 'dueDate'], { unique: true })
@Index('idx_escalations_ward_fired', ['wardId', 'firedAt'])
@Index('idx_escalations_ward_unit', ['wardId', 'leadUnitId'])
export class EscalationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('char', { name: 'ward_id', length: 36 })
  wardId: string;

  @Column('char', { name: 'task_id', length: 36 })
  taskId: string;

  /** 'remind', 'deadline' or 'escalate' (TASK_TIMER_KINDS). */
  @Column('varchar', { length: 32 })
  kind: string;

  @Column('int')
  level: number;

  @Column('date', { name: 'due_date' })
  dueDate: IsoDate;

  @Column('char', { name: 'lead_unit_id', length: 36 })
  leadUnitId: string;

  @Column('json')
  recipients: NotifyRecipient[];

  @Column('datetime', { name: 'fired_at', precision: 3 })
  firedAt: Date;
}
