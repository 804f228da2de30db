import { assign, setup } from 'xstate';
import {
  ContributionContext,
  ContributionEvent,
  ContributionInput,
  NotifyEffect,
  NotifyRecipient,
  ReportContext,
  ReportEvent,
  ReportInput,
} from '@cchc/domain';
import {
  authorizeContribution,
  authorizeReport,
  contributionPrecondition,
  REPORT_AWAITING,
  reportPrecondition,
} from './periodic-report.rules';

/*
 * The periodic CCHC report (báo cáo định kỳ) and the units' contributions to it, as pure XState
 * v5 machines: no clock (events carry `today`), no I/O (notifications leave as `notify` actions).
 * The server freezes the figures and hands the machine only the revision and its hash; the
 * number of a signed report comes with SIGN. Guards call periodic-report.rules.ts, the same
 * functions the engine uses to explain a refusal.
 *
 * A sent report is not final: the coordinator corrects it (CORRECT, with a reason), which opens
 * a new revision that goes through approval and signing again under a new number and replaces
 * the sent one (báo cáo đính chính). The server keeps every revision with its number; the
 * machine remembers only which sent report the correction replaces.
 */

function notify(topic: string, ...to: NotifyRecipient[]): { type: 'notify'; params: NotifyEffect } {
  return { type: 'notify', params: { to, topic } };
}

const reportSetup = setup({
  types: {
    context: {} as ReportContext,
    events: {} as ReportEvent,
    input: {} as ReportInput,
  },
  actions: {
    notify: (_, _params: NotifyEffect) => {
      // written by the engine as notifications in the transition's transaction
    },
    awaiting: assign((_, params: { state: string }) => ({
      awaiting: REPORT_AWAITING[params.state] ?? null,
    })),
    recordRevision: assign(({ context, event }) =>
      event.type === 'COMPILE'
        ? { ...context, revision: event.revision, contentHash: event.contentHash }
        : context,
    ),
    recordReturn: assign(({ context, event }) =>
      event.type === 'RETURN' ? { ...context, returnReason: event.reason.trim() } : context,
    ),
    clearReturn: assign({ returnReason: null }),
    recordSignature: assign(({ context, event }) =>
      event.type === 'SIGN'
        ? { ...context, number: event.number.trim(), signedOn: event.today }
        : context,
    ),
    // A report is late or on time by its first sending; its corrections do not change that.
    recordSending: assign(({ context, event }) =>
      context.sentOn
        ? context
        : { ...context, sentOn: event.today, late: event.today > context.upstreamDueDate },
    ),
    // The signer takes his signature back; the number stays spent (the audit keeps it).
    withdrawSignature: assign({ number: null, signedOn: null }),
    recordCorrection: assign(({ context, event }) =>
      event.type === 'CORRECT' && context.number && context.signedOn
        ? {
            ...context,
            corrects: {
              revision: context.revision,
              number: context.number,
              signedOn: context.signedOn,
              reason: event.reason.trim(),
            },
            number: null,
            signedOn: null,
            returnReason: null,
          }
        : context,
    ),
  },
  guards: {
    permitted: ({ context, event }) =>
      authorizeReport(context, event.type, event.actor) === null &&
      reportPrecondition(context, event) === null,
  },
});

/** Entering a state records whose step it is. */
const entering = (state: string) => ({ type: 'awaiting', params: { state } }) as const;

const returnToCompiling = {
  guard: 'permitted',
  target: '#periodicReport.compiling',
  actions: ['recordReturn', notify('report.returned', 'coordinator')],
} as const;

export const periodicReportMachine = reportSetup.createMachine({
  id: 'periodicReport',
  initial: 'open',
  context: ({ input }) => ({
    cutoffDate: input.cutoffDate,
    upstreamDueDate: input.upstreamDueDate,
    revision: 0,
    contentHash: null,
    number: null,
    signedOn: null,
    sentOn: null,
    late: false,
    returnReason: null,
    corrects: null,
    awaiting: REPORT_AWAITING.open,
  }),
  states: {
    open: {
      on: { START_COMPILING: { guard: 'permitted', target: 'compiling' } },
    },
    compiling: {
      entry: entering('compiling'),
      on: {
        // Each compile freezes a new revision; earlier ones stay as they were.
        COMPILE: { guard: 'permitted', actions: 'recordRevision' },
        SUBMIT_FOR_APPROVAL: {
          guard: 'permitted',
          target: 'submittedForApproval',
          actions: ['clearReturn', notify('report.submitted', 'leader', 'chairman')],
        },
      },
    },
    submittedForApproval: {
      entry: entering('submittedForApproval'),
      on: {
        APPROVE: {
          guard: 'permitted',
          target: 'approved',
          actions: notify('report.approved', 'chairman', 'coordinator'),
        },
        RETURN: returnToCompiling,
      },
    },
    approved: {
      entry: entering('approved'),
      on: {
        SIGN: {
          guard: 'permitted',
          target: 'signed',
          actions: ['recordSignature', notify('report.signed', 'coordinator')],
        },
        RETURN: returnToCompiling,
      },
    },
    signed: {
      entry: entering('signed'),
      on: {
        SEND: { guard: 'permitted', target: 'sent', actions: 'recordSending' },
        RETURN: {
          ...returnToCompiling,
          actions: ['withdrawSignature', ...returnToCompiling.actions],
        },
      },
    },
    // Not final: a report stored as sent before corrections existed restores here and takes one.
    sent: {
      entry: entering('sent'),
      on: {
        CORRECT: {
          guard: 'permitted',
          target: 'compiling',
          actions: ['recordCorrection', notify('report.correcting', 'leader', 'chairman')],
        },
      },
    },
  },
});

export type PeriodicReportMachine = typeof periodicReportMachine;

// ---------------------------------------------------------------- contributions

const contributionSetup = setup({
  types: {
    context: {} as ContributionContext,
    events: {} as ContributionEvent,
    input: {} as ContributionInput,
  },
  actions: {
    notify: (_, _params: NotifyEffect) => {
      // written by the engine as notifications in the transition's transaction
    },
    recordSubmission: assign(({ context, event }) =>
      event.type === 'SUBMIT'
        ? {
            ...context,
            results: event.results.trim(),
            problems: (event.problems ?? '').trim(),
            proposals: (event.proposals ?? '').trim(),
            evidenceIds: event.evidenceIds ?? [],
            submittedOn: event.today,
            late: context.late || event.today > context.dueDate,
            returnReason: null,
          }
        : context,
    ),
    recordReturn: assign(({ context, event }) =>
      event.type === 'RETURN' ? { ...context, returnReason: event.reason.trim() } : context,
    ),
    markOverdue: assign({ overdue: true, late: true }),
    recordReminder: assign(({ context, event }) =>
      event.type === 'REMIND'
        ? { ...context, reminded: [...context.reminded, event.level] }
        : context,
    ),
    recordEscalation: assign(({ context, event }) =>
      event.type === 'ESCALATE'
        ? { ...context, escalated: [...context.escalated, event.level] }
        : context,
    ),
  },
  guards: {
    permitted: ({ context, event }) =>
      authorizeContribution(context, event.type, event.actor) === null &&
      contributionPrecondition(context, event) === null,
  },
});

/** A `notify` action whose recipients come with the timer's event. */
function notifyNamed(topic: string) {
  return {
    type: 'notify',
    params: ({ event }: { event: ContributionEvent }): NotifyEffect => ({
      topic,
      to: event.type === 'REMIND' || event.type === 'ESCALATE' ? event.to : [],
    }),
  } as const;
}

/** What a contribution still waiting for the unit's text takes. */
const waiting = {
  SUBMIT: {
    guard: 'permitted',
    target: '#reportContribution.submitted',
    actions: ['recordSubmission', notify('contribution.submitted', 'coordinator')],
  },
  DEADLINE_PASSED: {
    guard: 'permitted',
    actions: ['markOverdue', notify('contribution.overdue', 'leadUnit', 'coordinator')],
  },
  REMIND: {
    guard: 'permitted',
    actions: ['recordReminder', notifyNamed('contribution.reminder')],
  },
  ESCALATE: {
    guard: 'permitted',
    actions: ['recordEscalation', notifyNamed('contribution.escalated')],
  },
} as const;

export const reportContributionMachine = contributionSetup.createMachine({
  id: 'reportContribution',
  initial: 'requested',
  context: ({ input }) => ({
    unitId: input.unitId,
    dueDate: input.dueDate,
    results: '',
    problems: '',
    proposals: '',
    evidenceIds: [],
    submittedOn: null,
    late: false,
    overdue: false,
    returnReason: null,
    reminded: [],
    escalated: [],
  }),
  entry: notify('contribution.requested', 'leadUnit'),
  states: {
    requested: { on: waiting },
    submitted: {
      on: {
        ACCEPT: {
          guard: 'permitted',
          target: 'accepted',
          actions: notify('contribution.accepted', 'leadUnit'),
        },
        RETURN: {
          guard: 'permitted',
          target: 'returned',
          actions: ['recordReturn', notify('contribution.returned', 'leadUnit')],
        },
      },
    },
    returned: { on: waiting },
    accepted: { type: 'final' },
  },
});

export type ReportContributionMachine = typeof reportContributionMachine;
