import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import {
  InvalidPeriodError,
  NATIONAL_REPORTING_CALENDAR,
  reportPeriod,
  ReportingCalendarRules,
  ReportPeriod,
  ReportPeriodRef,
  validateReportingCalendar,
} from './reporting-calendar';

/** Each ward's reporting calendar: the national preset until the ward sets its own. */
@Injectable()
export class ReportCalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  async rulesOf(
    wardId: string,
    db: DataSource | EntityManager = this.dataSource,
  ): Promise<{ rules: ReportingCalendarRules; preset: boolean }> {
    const [row] = (await db.query('SELECT rules FROM report_calendars WHERE ward_id = ?', [
      wardId,
    ])) as { rules: string | ReportingCalendarRules }[];
    if (!row) return { rules: NATIONAL_REPORTING_CALENDAR, preset: true };
    const rules = typeof row.rules === 'string' ? JSON.parse(row.rules) : row.rules;
    return { rules: rules as ReportingCalendarRules, preset: false };
  }

  /** Replaces the ward's rules (validated, field by field) and records it in the audit. */
  async replace(wardId: string, rules: ReportingCalendarRules, actor: Actor) {
    const problems = validateReportingCalendar(rules);
    if (problems.length > 0) throw new BadRequestException(problems);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const previous = await this.rulesOf(wardId, manager);
      await manager.query(
        'INSERT INTO report_calendars (ward_id, rules, updated_by, updated_at) VALUES (?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE rules = VALUES(rules), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)',
        [wardId, JSON.stringify(rules), actor.kind === 'user' ? actor.userId : null, now],
      );
      await AuditLog.append(manager, {
        instanceType: 'report-calendar',
        instanceId: wardId,
        eventType: 'CALENDAR_REPLACED',
        fromState: null,
        toState: 'edited',
        actor,
        reason: null,
        payload: { previous: previous.rules, rules },
        occurredAt: now,
        wardId,
      });
    });
    return this.rulesOf(wardId);
  }

  /** Drops the ward's own rules: the national preset applies again (recorded in the audit). */
  async reset(wardId: string, actor: Actor) {
    await this.dataSource.transaction(async (manager) => {
      const previous = await this.rulesOf(wardId, manager);
      if (previous.preset) return;
      await manager.query('DELETE FROM report_calendars WHERE ward_id = ?', [wardId]);
      await AuditLog.append(manager, {
        instanceType: 'report-calendar',
        instanceId: wardId,
        eventType: 'CALENDAR_RESET',
        fromState: null,
        toState: 'preset',
        actor,
        reason: null,
        payload: { previous: previous.rules, rules: NATIONAL_REPORTING_CALENDAR },
        occurredAt: this.clock.now(),
        wardId,
      });
    });
    return this.rulesOf(wardId);
  }

  /** The period's bounds and due dates under the ward's rules (400 for a period it cannot have). */
  async period(wardId: string, ref: ReportPeriodRef): Promise<ReportPeriod> {
    const { rules } = await this.rulesOf(wardId);
    try {
      return reportPeriod(rules, ref, await this.calendars.workingCalendar());
    } catch (error) {
      if (error instanceof InvalidPeriodError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
