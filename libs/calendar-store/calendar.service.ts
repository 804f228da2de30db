import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertValidYearSchedule,
  EffectiveSchedule,
  HolidayListing,
  WorkingCalendar,
  YearSchedule,
} from '@cchc/calendar';
import { Clock, RefreshingCache } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { loadEditedSchedules } from './edited-schedules';

/** Another process (API or worker) may have edited a year; re-read at most this often. */
const REFRESH_MS = 30_000;
/** The calendar is one value for the whole deployment. */
const CALENDAR = 'calendar';

export interface YearView extends EffectiveSchedule {
  year: number;
  edited: boolean;
  holidays: HolidayListing[];
}

/**
 * The working calendar every due date is computed with: the shipped official schedules,
 * overridden by the years coordinators edited (table calendar_years), else the statutory rule.
 */
@Injectable()
export class CalendarService {
  private readonly cache = new RefreshingCache(REFRESH_MS, async () =>
    this.builtFrom(await loadEditedSchedules(this.dataSource)),
  );
  /** The last calendar built, and the edited schedules it was built from. */
  private built: { from: string; calendar: WorkingCalendar; editedYears: Set<number> } | null =
    null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async workingCalendar(): Promise<WorkingCalendar> {
    return (await this.load()).calendar;
  }

  /**
   * The calendar as committed, read in the caller's transaction and share-locked (one small read;
   * built again only when it changed): what timers are planned with. The lock makes a plan wait
   * for an edit in flight, and the edit for the plans reading before it; an edit asks for every
   * task and report contribution it can move to be planned again (libs/escalations
   * CalendarEditService).
   */
  async committedCalendar(manager: EntityManager): Promise<WorkingCalendar> {
    return this.builtFrom(await loadEditedSchedules(manager, { shareLocked: true })).calendar;
  }

  async year(year: number): Promise<YearView> {
    const { calendar, editedYears } = await this.load();
    return {
      year,
      edited: editedYears.has(year),
      ...calendar.scheduleOf(year),
      holidays: calendar.holidaysOf(year),
    };
  }

  /**
   * Replaces a year's schedule (validated), records it in the audit, and uses it from now on.
   * `alsoInTransaction` writes what follows from the edit (re-planned timers) with it.
   */
  async replaceYear(
    year: number,
    schedule: Omit<YearSchedule, 'year'>,
    actor: Actor,
    alsoInTransaction?: (manager: EntityManager, now: Date) => Promise<unknown>,
  ): Promise<YearView> {
    const full: YearSchedule = { ...schedule, year };
    assertValidYearSchedule(full, year);
    const now = this.clock.now();
    const instanceId = `calendar-year-${year}`;
    const previous = (await this.year(year)).schedule;
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO calendar_years (year, schedule, updated_by, updated_at) VALUES (?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE schedule = VALUES(schedule), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)',
        [year, JSON.stringify(full), actor.kind === 'user' ? actor.userId : null, now],
      );
      await AuditLog.append(manager, {
        instanceType: 'calendar-year',
        instanceId,
        eventType: 'SCHEDULE_REPLACED',
        fromState: null,
        toState: 'edited',
        actor,
        reason: null,
        payload: { previous, schedule: full },
        occurredAt: now,
      });
      await alsoInTransaction?.(manager, now);
    });
    this.cache.forget(CALENDAR);
    return this.year(year);
  }

  private load() {
    return this.cache.get(CALENDAR);
  }

  private builtFrom(edited: YearSchedule[]) {
    const from = JSON.stringify(edited);
    if (this.built?.from !== from)
      this.built = {
        from,
        calendar: new WorkingCalendar(edited),
        editedYears: new Set(edited.map((schedule) => schedule.year)),
      };
    return this.built;
  }
}
