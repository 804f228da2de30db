import { initialTransition, transition } from 'xstate';
import { SYSTEM_ACTOR } from '@cchc/domain';
import { tthcDossierMachine } from '@cchc/workflows';
import { appointmentTimers } from './dossier-timers';

const officer = { kind: 'user', userId: 'u1', role: 'officer', unitId: 'unit' } as const;
const [received] = initialTransition(tthcDossierMachine, {
  handlingUnitId: 'unit',
  receivedOn: '2026-02-12',
  processingDays: 5,
  appointmentDate: '2026-02-26',
});

describe('appointmentTimers', () => {
  it('plans the end of the appointment day in Vietnam while the clock runs', () => {
    expect(appointmentTimers(received)).toEqual([
      {
        kind: 'appointment',
        level: 0,
        dueDate: '2026-02-26',
        fireAt: new Date('2026-02-26T16:59:59.999Z'),
      },
    ]);
  });

  it('plans nothing once the appointment was missed, while paused, or once resolved', () => {
    const [missed] = transition(tthcDossierMachine, received, {
      type: 'APPOINTMENT_MISSED',
      actor: SYSTEM_ACTOR,
      today: '2026-02-26',
    });
    expect(appointmentTimers(missed)).toEqual([]);
    const [processing] = transition(tthcDossierMachine, received, {
      type: 'START_PROCESSING',
      actor: officer,
      today: '2026-02-13',
    });
    const [paused] = transition(tthcDossierMachine, processing, {
      type: 'REQUEST_SUPPLEMENT',
      actor: officer,
      today: '2026-02-13',
      reason: 'Thiếu giấy tờ',
      remainingWorkingDays: 4,
    });
    expect(appointmentTimers(paused)).toEqual([]);
    const [result] = transition(tthcDossierMachine, processing, {
      type: 'RECORD_RESULT',
      actor: officer,
      today: '2026-02-20',
    });
    expect(appointmentTimers(result)).toEqual([]);
  });
});
