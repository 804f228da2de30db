import { isIsoDate, WorkingCalendar } from '@cchc/calendar';
import { DossierContext, DossierEventType, IsoDate } from '@cchc/domain';

/*
 * The working-day arithmetic of a dossier, done here with the working calendar so that the
 * machine (which has none) gets plain figures in its events. Every appointment date computed
 * here is a working day of the calendar: never a weekend, a holiday or a Tết day.
 */

/**
 * The appointment `workingDays` working days after `from` (which is not counted: counting
 * starts the next working day); with none left, the first working day on or after `from`.
 */
export function appointmentAfter(
  calendar: WorkingCalendar,
  from: IsoDate,
  workingDays: number,
): IsoDate {
  if (workingDays > 0) return calendar.addWorkingDays(from, workingDays);
  return calendar.isWorkingDay(from) ? from : calendar.nextWorkingDay(from);
}

/**
 * The figures the server adds to a user's event, judged on `today` (the event's own date):
 * - REQUEST_SUPPLEMENT: the working days from today to the appointment — negative once it has
 *   passed (the overrun stays overrun);
 * - SUPPLEMENT_RECEIVED: the new appointment, those days counted again from today; a dossier
 *   that missed its appointment before the pause keeps it (its apology slip sets the next).
 */
export function calendarFigures(
  calendar: WorkingCalendar,
  type: DossierEventType,
  today: IsoDate,
  context: DossierContext,
): Record<string, unknown> {
  switch (type) {
    case 'REQUEST_SUPPLEMENT':
      // `|| 0`: no overrun yet on a day off right after the appointment is -0, stored as 0.
      return {
        remainingWorkingDays: calendar.workingDaysBetween(today, context.appointmentDate) || 0,
      };
    case 'SUPPLEMENT_RECEIVED':
      return {
        newAppointmentDate: context.overdue
          ? context.appointmentDate
          : appointmentAfter(calendar, today, context.remainingWorkingDays ?? 0),
      };
    default:
      return {};
  }
}

/**
 * Why a date a person typed (a proposed or new appointment) cannot be an appointment, naming
 * the field; null when it is a working day. Such a date is refused, never moved silently: the
 * applicant is told the date that was signed.
 */
export function nonWorkingAppointment(
  calendar: WorkingCalendar,
  field: string,
  date: unknown,
): string | null {
  if (typeof date !== 'string' || !isIsoDate(date)) return null;
  if (calendar.isWorkingDay(date)) return null;
  return (
    `${field}: ngày ${vnDate(date)} không phải ngày làm việc (nghỉ cuối tuần, lễ hoặc Tết); ` +
    `ngày hẹn trả phải là ngày làm việc, ví dụ ${vnDate(calendar.nextWorkingDay(date))}`
  );
}

function vnDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
