import { assign, setup } from 'xstate';
import {
  DossierContext,
  DossierEvent,
  DossierInput,
  DossierNotifyEffect,
  DossierNotifyRecipient,
  IsoDate,
  IssueApologyEffect,
  PendingApology,
  StartApologyEffect,
} from '@cchc/domain';
import { apologyReason, authorizeTthcDossier, tthcDossierPrecondition } from './tthc-dossier.rules';

/**
 * Lifecycle of one administrative-procedure dossier (hồ sơ TTHC), as a pure XState v5 machine.
 *
 * - No clock, no calendar: every event carries `today` (IsoDate, compared as strings) and
 *   `actor`; working-day arithmetic is done by the caller and arrives in the payload
 *   (`remainingWorkingDays`, `newAppointmentDate`).
 * - No I/O: effects leave the machine as action objects returned by xstate's pure
 *   `transition()` / `initialTransition()`; the engine writes notifications in the transition's
 *   transaction and turns the routed ones into outbox jobs:
 *   - `notify` (`DossierNotifyEffect`): symbolic recipients resolved against the dossier row;
 *   - `startApology` (`StartApologyEffect`): a new apology-slip round begins;
 *   - `issueApology` (`IssueApologyEffect`): the head signed; number, store and announce it.
 * - A missed appointment is judged on each event's own date, not only by the timer: while the
 *   clock runs (received, processing), any event dated after the appointment first records the
 *   miss exactly as APPOINTMENT_MISSED would, whichever comes first; `overdue` makes it once.
 * - Apology slips: REPORT_DELAY (before the appointment passes) or a missed appointment starts a
 *   round unless a slip is already pending — so one missed appointment never yields two slips;
 *   APPROVE_APOLOGY moves the appointment, and missing the new one starts the next round.
 * - `lateSince` records once when the dossier first became late (a miss or a late result or
 *   return: the appointment missed; a delay report: its day), so figures as of a past day can
 *   tell whether it was late by then.
 * - A supplement pause stops the clock but gives back nothing: working days already overrun stay
 *   overrun, and a dossier paused after missing its appointment resumes still overdue.
 * - Guards call the rules in tthc-dossier.rules.ts, the same functions the engine uses to
 *   explain a refusal.
 */
const tthcDossierSetup = setup({
  types: {
    context: {} as DossierContext,
    events: {} as DossierEvent,
    input: {} as DossierInput,
  },
  actions: {
    notify: (_, _params: DossierNotifyEffect) => {
      // written by the engine as notifications in the transition's transaction
    },
    startApology: (_, _params: StartApologyEffect) => {
      // carried out by the engine as outbox jobs
    },
    issueApology: (_, _params: IssueApologyEffect) => {
      // carried out by the engine as outbox jobs
    },
    pauseClock: assign(({ context, event }) => {
      if (event.type !== 'REQUEST_SUPPLEMENT') return context;
      return {
        ...context,
        pausedOn: event.today,
        remainingWorkingDays: event.remainingWorkingDays,
        supplementRequests: context.supplementRequests + 1,
      };
    }),
    resumeClock: assign(({ context, event }) => {
      if (event.type !== 'SUPPLEMENT_RECEIVED') return context;
      const resumed = { ...context, pausedOn: null, remainingWorkingDays: null };
      // Missed before the pause: it stays missed, and the pending slip sets the next date.
      if (context.overdue) return resumed;
      // A new appointment: nothing has been announced for it yet. A slip still pending stays
      // pending (it is owed) and will set the appointment when signed.
      return { ...resumed, appointmentDate: event.newAppointmentDate, delayReported: false };
    }),
    openDelayApology: assign(({ context, event }) => {
      if (event.type !== 'REPORT_DELAY') return context;
      const round = context.apologyRound + 1;
      const pending: PendingApology = {
        round,
        reason: 'delay-reported',
        appointmentDate: context.appointmentDate,
        startedOn: event.today,
        proposedDate: event.proposedDate,
        delayReason: event.reason.trim(),
      };
      return {
        ...context,
        delayReported: true,
        apologyRound: round,
        apologyPending: pending,
        lateSince: context.lateSince ?? event.today,
      };
    }),
    approveApology: assign(({ context, event }) => {
      if (event.type !== 'APPROVE_APOLOGY') return context;
      return {
        ...context,
        appointmentDate: event.newAppointmentDate,
        overdue: false,
        delayReported: false,
        apologyPending: null,
      };
    }),
    recordResult: assign(({ context, event }) => ({
      ...context,
      resultOn: event.today,
      resultLate: event.today > context.appointmentDate,
      lateSince: lateAfterAppointment(context, event.today),
    })),
    recordClosing: assign(({ context, event }) => ({ ...context, closedOn: event.today })),
    recordReturn: assign(({ context, event }) => ({
      ...context,
      returnedOn: event.today,
      returnedLate: event.today > context.appointmentDate,
      lateSince: lateAfterAppointment(context, event.today),
    })),
  },
  guards: {
    /** The actor holds the role for this event and every precondition holds. */
    permitted: ({ context, event }) =>
      authorizeTthcDossier(context, event.type, event.actor) === null &&
      tthcDossierPrecondition(context, event) === null,
  },
});

/**
 * `lateSince` once an event dated `today` is after the appointment: the appointment itself (it
 * was missed at the end of its day), unless the dossier was late before. A snapshot stored
 * before the field existed lacks it: `??` reads that as never late.
 */
function lateAfterAppointment(context: DossierContext, today: IsoDate): IsoDate | null {
  return context.lateSince ?? (today > context.appointmentDate ? context.appointmentDate : null);
}

/** The apology round a missed appointment opens. */
function overdueApology(context: DossierContext, today: IsoDate): PendingApology {
  return {
    round: context.apologyRound + 1,
    reason: 'overdue',
    appointmentDate: context.appointmentDate,
    startedOn: today,
    proposedDate: null,
    delayReason: null,
  };
}

function startApologyEffect(pending: PendingApology): StartApologyEffect {
  if (pending.reason === 'delay-reported') {
    return {
      round: pending.round,
      reason: 'delay-reported',
      proposedDate: pending.proposedDate as string,
      delayReason: pending.delayReason as string,
      appointmentDate: pending.appointmentDate,
    };
  }
  return { round: pending.round, reason: 'overdue', appointmentDate: pending.appointmentDate };
}

/** A `notify` action object: who is told, and why. */
function notify(
  topic: string,
  ...to: DossierNotifyRecipient[]
): { type: 'notify'; params: DossierNotifyEffect } {
  return { type: 'notify', params: { to, topic } };
}

/** The `startApology` action for the round just opened (reads the context after the assign). */
const startApology = {
  type: 'startApology',
  params: ({ context }: { context: DossierContext }): StartApologyEffect =>
    startApologyEffect(context.apologyPending as PendingApology),
} as const;

/** The `issueApology` action; must run before `approveApology` clears the pending slip. */
const issueApology = {
  type: 'issueApology',
  params: ({ context, event }: { context: DossierContext; event: DossierEvent }) => {
    const pending = context.apologyPending as PendingApology;
    const approve = event as Extract<DossierEvent, { type: 'APPROVE_APOLOGY' }>;
    const effect: IssueApologyEffect = {
      round: pending.round,
      newAppointmentDate: approve.newAppointmentDate,
      reason: apologyReason(context, approve) as string,
      appointmentDate: context.appointmentDate,
    };
    return effect;
  },
} as const;

/**
 * The appointment was missed: APPOINTMENT_MISSED itself, or any event dated after the
 * appointment while the clock runs (received, processing), before the timer said so — so this
 * is the first action of every transition there. Marks the dossier overdue once per appointment
 * and starts an apology round unless a slip is already pending, or `withSlip` is false (the
 * event ends the dossier, so no one could sign a slip).
 */
function recordMissedAppointment(withSlip: boolean) {
  return tthcDossierSetup.enqueueActions(({ context, event, enqueue }) => {
    const missed = event.type === 'APPOINTMENT_MISSED' || event.today > context.appointmentDate;
    if (context.overdue || !missed) return;
    // Missed at the end of the appointment day, however late the timer or the event says so.
    enqueue.assign({ overdue: true, lateSince: context.lateSince ?? context.appointmentDate });
    if (withSlip && context.apologyPending === null) {
      const pending = overdueApology(context, event.today);
      enqueue.assign({ apologyRound: pending.round, apologyPending: pending });
      enqueue({ type: 'startApology', params: startApologyEffect(pending) });
    }
    enqueue({ type: 'notify', params: { to: ['handlingUnit'], topic: 'dossier.overdue' } });
  });
}
const missedThenSlip = recordMissedAppointment(true);
const missedNoSlip = recordMissedAppointment(false);

const rejectTarget = '#tthcDossier.rejected';
const withdrawTarget = '#tthcDossier.withdrawn';
/** A dossier rejected or withdrawn: the day it left the unit's hands, and who is told. */
const rejecting = ['recordClosing', notify('dossier.rejected', 'oneStop')] as const;
const withdrawing = ['recordClosing', notify('dossier.withdrawn', 'handlingUnit')] as const;
const approveApologyActions = [
  issueApology,
  'approveApology',
  notify('dossier.appointment.rescheduled', 'handlingUnit', 'oneStop'),
] as const;

/** Transitions of the states in which the clock runs (received, processing). */
const whileClockRuns = {
  APPROVE_APOLOGY: {
    guard: 'permitted',
    actions: [missedThenSlip, ...approveApologyActions],
  },
  APPOINTMENT_MISSED: { guard: 'permitted', actions: missedThenSlip },
  REJECT: {
    guard: 'permitted',
    target: rejectTarget,
    actions: [missedNoSlip, ...rejecting],
  },
  WITHDRAW: {
    guard: 'permitted',
    target: withdrawTarget,
    actions: [missedNoSlip, ...withdrawing],
  },
} as const;

export const tthcDossierMachine = tthcDossierSetup.createMachine({
  id: 'tthcDossier',
  initial: 'received',
  context: ({ input }) => ({
    handlingUnitId: input.handlingUnitId,
    receivedOn: input.receivedOn,
    processingDays: input.processingDays,
    originalAppointmentDate: input.appointmentDate,
    appointmentDate: input.appointmentDate,
    pausedOn: null,
    remainingWorkingDays: null,
    supplementRequests: 0,
    overdue: false,
    delayReported: false,
    apologyRound: 0,
    apologyPending: null,
    resultOn: null,
    resultLate: false,
    returnedOn: null,
    returnedLate: false,
    lateSince: null,
    closedOn: null,
  }),
  entry: notify('dossier.received', 'handlingUnit'),
  states: {
    received: {
      on: {
        START_PROCESSING: {
          guard: 'permitted',
          target: 'processing',
          actions: [missedThenSlip, notify('dossier.processing', 'oneStop')],
        },
        ...whileClockRuns,
      },
    },
    processing: {
      on: {
        REQUEST_SUPPLEMENT: {
          guard: 'permitted',
          target: 'supplementRequested',
          actions: [
            missedThenSlip,
            'pauseClock',
            notify('dossier.supplement.requested', 'oneStop'),
          ],
        },
        RECORD_RESULT: {
          guard: 'permitted',
          target: 'resultReady',
          actions: [missedThenSlip, 'recordResult', notify('dossier.result.ready', 'oneStop')],
        },
        REPORT_DELAY: {
          guard: 'permitted',
          actions: [
            'openDelayApology',
            startApology,
            notify('dossier.delay.reported', 'handlingUnitHead'),
          ],
        },
        ...whileClockRuns,
      },
    },
    // The clock is stopped: no appointment can be missed, announced late or moved by a slip
    // here (a pending slip waits for the supplement and the new appointment).
    supplementRequested: {
      on: {
        SUPPLEMENT_RECEIVED: {
          guard: 'permitted',
          target: 'processing',
          actions: ['resumeClock', notify('dossier.supplement.received', 'handlingUnit')],
        },
        REJECT: { guard: 'permitted', target: rejectTarget, actions: rejecting },
        WITHDRAW: { guard: 'permitted', target: withdrawTarget, actions: withdrawing },
      },
    },
    // The result exists, so the appointment can no longer be missed; a slip still pending
    // from before may be signed, giving the applicant the date to collect the result.
    resultReady: {
      on: {
        RETURN_RESULT: {
          guard: 'permitted',
          target: 'returned',
          actions: ['recordReturn', notify('dossier.returned', 'handlingUnit')],
        },
        APPROVE_APOLOGY: { guard: 'permitted', actions: approveApologyActions },
        WITHDRAW: { guard: 'permitted', target: withdrawTarget, actions: withdrawing },
      },
    },
    returned: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type TthcDossierMachine = typeof tthcDossierMachine;
