import { and, assign, setup } from 'xstate';
import {
  NotifyEffect,
  NotifyRecipient,
  ReformTaskContext,
  ReformTaskEvent,
  ReformTaskInput,
  SettledEffect,
} from '@cchc/domain';
import {
  amendedContext,
  approvedDueDate,
  authorizeReformTask,
  reformTaskPrecondition,
} from './reform-task.rules';

/**
 * Lifecycle of one administrative-reform task (nhiệm vụ CCHC), as a pure XState v5 machine.
 *
 * - No clock: every event carries `today` (IsoDate, compared as strings) and `actor`.
 * - No I/O: notifications leave the machine as `notify` action objects
 *   (`{ type: 'notify', params: NotifyEffect }`) returned by xstate's pure `transition()` /
 *   `initialTransition()`; the engine writes them as notifications in the transition's
 *   transaction. Recipients are symbolic
 *   ('leadUnit', 'leader') and resolve against the context AFTER the transition. Entering a
 *   final state also emits `settled` (e.g. for a group task waiting on its children).
 * - Timers (reminders, escalations) are decided outside, from the ward's policy; they arrive
 *   as REMIND / ESCALATE events naming the due date they were planned for and whom to tell.
 * - Guards call the rules in reform-task.rules.ts, the same functions the engine uses to
 *   explain a refusal.
 */
const reformTaskSetup = setup({
  types: {
    context: {} as ReformTaskContext,
    events: {} as ReformTaskEvent,
    input: {} as ReformTaskInput,
  },
  actions: {
    notify: (_, _params: NotifyEffect) => {
      // written by the engine as notifications in the transition's transaction
    },
    settled: (_, _params: SettledEffect) => {
      // carried out by the engine as outbox jobs
    },
    markOverdue: assign(({ context }, params: { from: 'assigned' | 'inProgress' }) => ({
      ...context,
      late: true,
      resumeState: params.from,
    })),
    recordReport: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT_REPORT') return context;
      const pastDue = context.dueDate !== null && event.today > context.dueDate;
      return {
        ...context,
        late: context.late || pastDue,
        resumeState: null,
        // A report makes a pending extension request moot.
        extensionRequest: null,
      };
    }),
    returnToOverdue: assign(({ context }) => ({
      ...context,
      late: true,
      resumeState: 'inProgress' as const,
    })),
    recordExtensionRequest: assign(({ context, event }) => {
      if (event.type !== 'REQUEST_EXTENSION') return context;
      return {
        ...context,
        extensionRequest: {
          proposedDueDate: event.proposedDueDate,
          reason: event.reason.trim(),
          requestedBy: event.actor.kind === 'user' ? event.actor.userId : null,
          requestedOn: event.today,
        },
      };
    }),
    approveExtension: assign(({ context, event }) => {
      if (event.type !== 'DECIDE_EXTENSION') return context;
      return {
        ...context,
        dueDate: approvedDueDate(context, event) ?? context.dueDate,
        // No longer late: the deadline it missed has been moved.
        late: false,
        resumeState: null,
        extensionRequest: null,
      };
    }),
    clearExtensionRequest: assign({ extensionRequest: null }),
    amend: assign(({ context, event }) =>
      event.type === 'AMEND' ? amendedContext(context, event.changes) : context,
    ),
    /** An amendment moved an overdue task's deadline to today or later (or removed it). */
    resumeAfterAmendment: assign({ late: false, resumeState: null }),
    completeWithChildren: assign(({ context, event }) => ({
      ...context,
      late: context.late || (event.type === 'CHILDREN_COMPLETED' && event.late),
      resumeState: null,
      extensionRequest: null,
    })),
    reassign: assign(({ context, event }) => {
      if (event.type !== 'REASSIGN') return context;
      const leadUnitId = event.leadUnitId ?? context.leadUnitId;
      const leaderId = event.leaderId === undefined ? context.leaderId : event.leaderId;
      return {
        ...context,
        leadUnitId,
        leaderId,
        // A request made by the former lead unit is withdrawn; a new leader inherits it.
        extensionRequest: leadUnitId === context.leadUnitId ? context.extensionRequest : null,
      };
    }),
  },
  guards: {
    /** The actor holds the role for this event and every precondition holds. */
    permitted: ({ context, event }) =>
      authorizeReformTask(context, event.type, event.actor) === null &&
      reformTaskPrecondition(context, event) === null,
    /** Today is after the due date. */
    pastDue: ({ context, event }) => context.dueDate !== null && event.today > context.dueDate,
    approving: ({ event }) => event.type === 'DECIDE_EXTENSION' && event.decision === 'approve',
    /** The task fell overdue straight from `assigned`. */
    resumesToAssigned: ({ context }) => context.resumeState === 'assigned',
    /** The amendment gives the task a deadline that has not passed, or none at all. */
    amendmentLiftsDeadline: ({ event }) =>
      event.type === 'AMEND' &&
      event.changes.dueDate !== undefined &&
      (event.changes.dueDate === null || event.changes.dueDate >= event.today),
  },
});

/** A `notify` action object: who is told, and why. */
function notify(topic: string, ...to: NotifyRecipient[]): { type: 'notify'; params: NotifyEffect } {
  return { type: 'notify', params: { to, topic } };
}

/** A `notify` action object whose recipients come with the timer's event. */
function notifyNamed(topic: string) {
  return {
    type: 'notify',
    params: ({ event }: { event: ReformTaskEvent }): NotifyEffect =>
      event.type === 'REMIND' || event.type === 'ESCALATE'
        ? { topic, to: event.to, level: event.level }
        : { topic, to: [] },
  } as const;
}

function settled(state: SettledEffect['state']) {
  return { type: 'settled', params: { state } } as const;
}

/** Transitions shared by several states. */
const reassign = {
  guard: 'permitted',
  actions: ['reassign', notify('task.reassigned', 'leadUnit', 'leader')],
} as const;
const cancel = {
  guard: 'permitted',
  target: '#reformTask.cancelled',
  actions: ['clearExtensionRequest', notify('task.cancelled', 'leadUnit', 'leader')],
} as const;
const requestExtension = {
  guard: 'permitted',
  actions: ['recordExtensionRequest', notify('task.extension.requested', 'leader')],
} as const;
/** Deciding an extension outside `overdue`: the task stays where it is. */
const decideExtension = [
  {
    guard: and(['permitted', 'approving']),
    actions: ['approveExtension', notify('task.extension.approved', 'leadUnit')],
  },
  {
    guard: 'permitted',
    actions: ['clearExtensionRequest', notify('task.extension.rejected', 'leadUnit')],
  },
] as const;
const deadlinePassed = (from: 'assigned' | 'inProgress') =>
  ({
    guard: 'permitted',
    target: '#reformTask.overdue',
    actions: [
      { type: 'markOverdue', params: { from } },
      notify('task.overdue', 'leadUnit', 'leader'),
    ],
  }) as const;
const amend = {
  guard: 'permitted',
  actions: ['amend', notify('task.amended', 'leadUnit', 'leader')],
} as const;
const remind = { guard: 'permitted', actions: notifyNamed('task.reminder') } as const;
const childrenCompleted = {
  guard: 'permitted',
  target: '#reformTask.accepted',
  actions: ['completeWithChildren', notify('task.accepted', 'leadUnit', 'leader')],
} as const;
const submitReport = {
  guard: 'permitted',
  target: '#reformTask.reported',
  actions: ['recordReport', notify('task.reported', 'leader')],
} as const;

export const reformTaskMachine = reformTaskSetup.createMachine({
  id: 'reformTask',
  initial: 'assigned',
  context: ({ input }) => ({
    leadUnitId: input.leadUnitId,
    leaderId: input.leaderId,
    dueDate: input.dueDate,
    late: false,
    resumeState: null,
    extensionRequest: null,
  }),
  // On the root, not on `assigned`: an overdue task resumed to `assigned` is not re-assigned.
  entry: notify('task.assigned', 'leadUnit'),
  states: {
    assigned: {
      on: {
        START: {
          guard: 'permitted',
          target: 'inProgress',
          actions: notify('task.started', 'leader'),
        },
        DEADLINE_PASSED: deadlinePassed('assigned'),
        REQUEST_EXTENSION: requestExtension,
        DECIDE_EXTENSION: decideExtension,
        REASSIGN: reassign,
        CANCEL: cancel,
        AMEND: amend,
        REMIND: remind,
        CHILDREN_COMPLETED: childrenCompleted,
      },
    },
    inProgress: {
      on: {
        SUBMIT_REPORT: submitReport,
        DEADLINE_PASSED: deadlinePassed('inProgress'),
        REQUEST_EXTENSION: requestExtension,
        DECIDE_EXTENSION: decideExtension,
        REASSIGN: reassign,
        CANCEL: cancel,
        AMEND: amend,
        REMIND: remind,
        CHILDREN_COMPLETED: childrenCompleted,
      },
    },
    // DEADLINE_PASSED is not accepted here: a task reported in time is not overdue while it
    // waits for review (a late report is already marked `late`).
    reported: {
      on: {
        APPROVE: {
          guard: 'permitted',
          target: 'accepted',
          actions: notify('task.accepted', 'leadUnit'),
        },
        RETURN: [
          {
            guard: and(['permitted', 'pastDue']),
            target: 'overdue',
            actions: ['returnToOverdue', notify('task.returned', 'leadUnit')],
          },
          {
            guard: 'permitted',
            target: 'inProgress',
            actions: notify('task.returned', 'leadUnit'),
          },
        ],
        REASSIGN: reassign,
        CANCEL: cancel,
        AMEND: amend,
        CHILDREN_COMPLETED: childrenCompleted,
      },
    },
    overdue: {
      on: {
        SUBMIT_REPORT: submitReport,
        REQUEST_EXTENSION: requestExtension,
        // Approval brings the task back to where it was before it fell overdue.
        DECIDE_EXTENSION: [
          {
            guard: and(['permitted', 'approving', 'resumesToAssigned']),
            target: 'assigned',
            actions: ['approveExtension', notify('task.extension.approved', 'leadUnit')],
          },
          {
            // resumeState 'inProgress' (or, defensively, missing): resume the work.
            guard: and(['permitted', 'approving']),
            target: 'inProgress',
            actions: ['approveExtension', notify('task.extension.approved', 'leadUnit')],
          },
          {
            guard: 'permitted',
            actions: ['clearExtensionRequest', notify('task.extension.rejected', 'leadUnit')],
          },
        ],
        REASSIGN: reassign,
        CANCEL: cancel,
        // An amended deadline that has not passed brings the task back, like an extension.
        AMEND: [
          {
            guard: and(['permitted', 'amendmentLiftsDeadline', 'resumesToAssigned']),
            target: 'assigned',
            actions: [
              'amend',
              'resumeAfterAmendment',
              notify('task.amended', 'leadUnit', 'leader'),
            ],
          },
          {
            guard: and(['permitted', 'amendmentLiftsDeadline']),
            target: 'inProgress',
            actions: [
              'amend',
              'resumeAfterAmendment',
              notify('task.amended', 'leadUnit', 'leader'),
            ],
          },
          amend,
        ],
        ESCALATE: { guard: 'permitted', actions: notifyNamed('task.escalated') },
        CHILDREN_COMPLETED: childrenCompleted,
      },
    },
    accepted: { type: 'final', entry: settled('accepted') },
    cancelled: { type: 'final', entry: settled('cancelled') },
  },
});

export type ReformTaskMachine = typeof reformTaskMachine;
