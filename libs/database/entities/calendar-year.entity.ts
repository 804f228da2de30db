import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { YearSchedule } from '@cchc/calendar';

/** A year's holiday schedule as corrected by a coordinator; replaces the built-in one for that year. */
@Entity('calendar_years')
export class CalendarYearEntity {
  @PrimaryColumn('int')
  year: number;

  @Column('json')
  schedule: YearSchedule;

  @Column('char', { name: 'updated_by', length: 36, nullable: true })
  updatedBy: string | null;

  @Column('datetime', { name: 'updated_at', precision: 3 })
  updatedAt: Date;
}
