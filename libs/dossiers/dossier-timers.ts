import { endOfDayInstant } from '@cchc/calendar';
import { DossierContext, DossierState } from '@cchc/domain';

export const APPOINTMENT_TIMER = 'appointment';

export interface AppointmentTimer {
  kind: typeof APPOINTMENT_TIMER;
  level: 0;
  dueDate: string;
  fireAt: Date;
}

/** States in which the clock runs and the appointment can still be missed. */
const WATCHED: readonly DossierState[] = ['received', 'processing'];

/**
 * The pending timer of a dossier: the end of its appointment day (Asia/Ho_Chi_Minh), while the
 * clock runs and the appointment has not been missed yet. None while waiting for a supplement
 * (the clock stops), once the result exists, once the dossier ended, or once this appointment
 * was missed (a signed apology slip sets the next one).
 */
export function appointmentTimers(snapshot: {
  value: unknown;
  context: DossierContext;
}): AppointmentTimer[] {
  const { value, context } = snapshot;
  if (!WATCHED.includes(value as DossierState) || context.overdue) return [];
  return [
    {
      kind: APPOINTMENT_TIMER,
      level: 0,
      dueDate: context.appointmentDate,
      fireAt: endOfDayInstant(context.appointmentDate),
    },
  ];
}
