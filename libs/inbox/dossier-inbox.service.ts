import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { CalendarService } from '@cchc/calendar-store';
import { cappedCountSql } from '@cchc/common';
import { DOSSIER_STATE_LABELS, DossierState, IsoDate } from '@cchc/domain';
import { InboxDossierDto, InboxItemDto } from './dto/inbox.dto';

/** Working days before its appointment from which a dossier shows in the one-stop officer's inbox. */
export const NEAR_APPOINTMENT_WORKING_DAYS = 2;

/** Open dossiers whose appointment still binds (a supplement request stops the clock). */
const RUNNING_STATES: DossierState[] = ['received', 'processing', 'resultReady'];

export interface SectionContent {
  count: number;
  countCapped: boolean;
  items: InboxItemDto[];
}

/**
 * A section counts up to here: the console's badges show "99+" beyond 99, and each section's
 * count walks its index entries up to the cap on every opening of the inbox (a chairman's two
 * counts took MariaDB 1.4 ms to 1,000, 0.64 ms to 100).
 */
export const INBOX_COUNT_CAP = 100;

/** The capped count that came with a page's rows as `total` (no row: nothing matches). */
export function countOfPage(rows: Record<string, unknown>[]): Omit<SectionContent, 'items'> {
  const n = rows.length > 0 ? Number(rows[0].total) : 0;
  return { count: Math.min(n, INBOX_COUNT_CAP), countCapped: n > INBOX_COUNT_CAP };
}

type DossierRow = Record<string, string | number | null>;

const DOSSIER_COLUMNS = `d.id, d.code, d.applicant_name, d.state, d.appointment_date,
  p.name AS procedure_name, u.id AS unit_id, u.name AS unit_name`;
const DOSSIER_JOINS = `JOIN procedures p ON p.id = d.procedure_id
  JOIN org_units u ON u.id = d.handling_unit_id`;
const STRAIGHT_DOSSIER_JOINS = `STRAIGHT_JOIN procedures p ON p.id = d.procedure_id
  STRAIGHT_JOIN org_units u ON u.id = d.handling_unit_id`;

/** The dossier sections of "Việc cần làm": slips to sign, appointments near or missed. */
@Injectable()
export class DossierInboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** Draft apology slips of the unit head's unit, the earliest missed appointment first. */
  async apologySlipsToSign(user: AuthUser, limit: number, today: IsoDate): Promise<SectionContent> {
    const where = "s.ward_id = ? AND s.unit_id = ? AND s.status = 'draft'";
    const params = [user.wardId, user.unitId];
    const rows = (await this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS}, s.id AS slip_id, s.round, s.missed_appointment_date,
         s.new_appointment_date, s.drafted_on,
         ${cappedCountSql(`SELECT 1 FROM apology_slips s WHERE ${where}`, INBOX_COUNT_CAP)} AS total
       FROM apology_slips s JOIN tthc_dossiers d ON d.id = s.dossier_id ${DOSSIER_JOINS}
       WHERE ${where}
       ORDER BY s.missed_appointment_date, d.code, s.round LIMIT ?`,
      [...params, ...params, limit],
    )) as DossierRow[];
    const dossiers = await this.dossiers(rows, today);
    return {
      ...countOfPage(rows),
      items: rows.map((row, index) => ({
        ...emptyItem(),
        dossier: dossiers[index],
        apologySlip: {
          id: String(row.slip_id),
          round: Number(row.round),
          missedAppointmentDate: String(row.missed_appointment_date),
          newAppointmentDate: String(row.new_appointment_date),
          draftedOn: String(row.drafted_on),
        },
      })),
    };
  }

  /**
   * Dossiers of the ward still running whose appointment is at most
   * NEAR_APPOINTMENT_WORKING_DAYS working days away, or already past; the most urgent first
   * (then the earliest received).
   */
  async dossiersNearAppointment(
    user: AuthUser,
    limit: number,
    today: IsoDate,
  ): Promise<SectionContent> {
    const calendar = await this.calendars.workingCalendar();
    const horizon = calendar.addWorkingDays(today, NEAR_APPOINTMENT_WORKING_DAYS);
    const where = 'ward_id = ? AND state IN (?) AND appointment_date <= ?';
    const params = [user.wardId, RUNNING_STATES, horizon];
    // The page's ids from the state index alone (the running dossiers are few beside the ward's
    // history), then their rows; left to itself MariaDB started from the units (seconds at
    // 100,000 dossiers a ward). One range per state, each already in appointment order, so each
    // gives at most a page's entries: as one `state IN` range MariaDB sorted all of them (3,034
    // on the province database, 6.6 ms).
    const perState = RUNNING_STATES.map(
      () => `(SELECT id, appointment_date, received_at FROM tthc_dossiers
                USE INDEX (idx_dossiers_ward_state)
              WHERE ward_id = ? AND state = ? AND appointment_date <= ?
              ORDER BY appointment_date, received_at, id LIMIT ?)`,
    );
    const rows = (await this.dataSource.query(
      `SELECT ${DOSSIER_COLUMNS}, ${cappedCountSql(`SELECT 1 FROM tthc_dossiers WHERE ${where}`, INBOX_COUNT_CAP)} AS total
       FROM (${perState.join(' UNION ALL ')} ORDER BY appointment_date, received_at, id LIMIT ?) page
       STRAIGHT_JOIN tthc_dossiers d ON d.id = page.id ${STRAIGHT_DOSSIER_JOINS}
       ORDER BY d.appointment_date, d.received_at, d.id`,
      [
        ...params,
        ...RUNNING_STATES.flatMap((state) => [user.wardId, state, horizon, limit]),
        limit,
      ],
    )) as DossierRow[];
    const dossiers = await this.dossiers(rows, today);
    return {
      ...countOfPage(rows),
      items: dossiers.map((dossier) => ({
        ...emptyItem(),
        dossier,
        note:
          dossier.workingDaysOverdue !== null
            ? `Quá hạn hẹn trả ${dossier.workingDaysOverdue} ngày làm việc`
            : dossier.workingDaysLeft === 0
              ? 'Đến hạn trả hôm nay'
              : `Còn ${dossier.workingDaysLeft} ngày làm việc đến hạn trả`,
      })),
    };
  }

  private async dossiers(rows: DossierRow[], today: IsoDate): Promise<InboxDossierDto[]> {
    if (rows.length === 0) return [];
    const calendar = await this.calendars.workingCalendar();
    return rows.map((row) => {
      const appointmentDate = String(row.appointment_date);
      const state = String(row.state) as DossierState;
      const missed = appointmentDate < today;
      return {
        id: String(row.id),
        code: String(row.code),
        applicantName: String(row.applicant_name),
        procedureName: String(row.procedure_name),
        handlingUnit: { id: String(row.unit_id), name: String(row.unit_name) },
        state,
        stateLabel: DOSSIER_STATE_LABELS[state],
        appointmentDate,
        workingDaysLeft: missed ? null : calendar.workingDaysBetween(today, appointmentDate),
        workingDaysOverdue: missed ? calendar.workingDaysBetween(appointmentDate, today) : null,
      };
    });
  }
}

export function emptyItem(): InboxItemDto {
  return { task: null, dossier: null, apologySlip: null, escalation: null, note: null };
}
