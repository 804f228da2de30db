import { DossierState } from '@cchc/domain';
import { isOverdueOn } from './dossier-view';

describe('isOverdueOn', () => {
  const on = (state: DossierState, overdue: boolean, appointmentDate = '2026-03-09') =>
    isOverdueOn({ state, overdue, appointmentDate }, '2026-03-10');

  it('counts a dossier in hand past its appointment, marked or not yet', () => {
    for (const state of ['received', 'processing', 'resultReady'] as const) {
      expect({ state, overdue: on(state, false) }).toEqual({ state, overdue: true });
      expect({ state, overdue: on(state, false, '2026-03-10') }).toEqual({ state, overdue: false });
      expect({ state, overdue: on(state, true, '2026-03-20') }).toEqual({ state, overdue: true });
    }
  });

  it('counts a supplement awaited only when the appointment was missed before the pause', () => {
    expect(on('supplementRequested', false)).toBe(false);
    expect(on('supplementRequested', true, '2026-03-20')).toBe(true);
  });

  it('counts no closed dossier, however late it was', () => {
    for (const state of ['returned', 'rejected', 'withdrawn'] as const) {
      expect({ state, overdue: on(state, true) }).toEqual({ state, overdue: false });
    }
  });
});
