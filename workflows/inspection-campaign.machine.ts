import { and, assign, setup } from 'xstate';
import {
  CampaignNotifyEffect,
  FindingStatus,
  InspectionCampaignContext,
  InspectionCampaignEvent,
  InspectionCampaignInput,
} from '@cchc/domain';
import {
  authorizeInspectionCampaign,
  inspectionCampaignPrecondition,
} from './inspection-campaign.rules';

/**
 * Lifecycle of an inspection campaign (đợt kiểm tra), as a pure XState v5 machine:
 * planned → inProgress → concluded → closed, and inside it one visit per unit in scope
 * (scheduled → inProgress → done, with its date).
 *
 * - No I/O: notifications leave the machine as `notify` action objects naming their recipients
 *   (CampaignNotifyEffect); the engine writes them as notifications in the transition's
 *   transaction.
 *   Starting tells the team and, unless the campaign is unannounced (không báo trước), every unit
 *   in scope; the unit of an unannounced visit is told when its visit starts, not before.
 * - No clock: every event carries `today` and `actor`; what only the database knows
 *   arrives counted in the payload (`uncheckedTopics` of a visit's checklist, `unacceptedTasks`
 *   of the findings' remediation tasks), as the dossier machine receives working-day figures.
 * - Findings are kept here only by id, unit and status, so CLOSE can be refused while any is
 *   unsettled; their text lives in their table.
 * - Guards call the rules in inspection-campaign.rules.ts, the functions the engine uses to
 *   explain a refusal.
 */
const campaignSetup = setup({
  types: {
    context: {} as InspectionCampaignContext,
    events: {} as InspectionCampaignEvent,
    input: {} as InspectionCampaignInput,
  },
  actions: {
    notify: (_, _params: CampaignNotifyEffect) => {
      // written by the engine as notifications in the transition's transaction
    },
    startVisit: assign(({ context, event }) => {
      if (event.type !== 'START_VISIT') return context;
      const visit = context.visits[event.unitId];
      return {
        visits: {
          ...context.visits,
          [event.unitId]: { ...visit, state: 'inProgress' as const, startedOn: event.today },
        },
      };
    }),
    recordChecklist: assign(({ context, event }) => {
      if (event.type !== 'RECORD_CHECKLIST') return context;
      const visit = context.visits[event.unitId];
      return {
        visits: { ...context.visits, [event.unitId]: { ...visit, checkedOn: event.today } },
      };
    }),
    finishVisit: assign(({ context, event }) => {
      if (event.type !== 'FINISH_VISIT') return context;
      const visit = context.visits[event.unitId];
      return {
        visits: {
          ...context.visits,
          [event.unitId]: { ...visit, state: 'done' as const, doneOn: event.doneOn },
        },
      };
    }),
    recordFinding: assign(({ context, event }) => {
      if (event.type !== 'RECORD_FINDING') return context;
      return {
        findings: {
          ...context.findings,
          [event.findingId]: { unitId: event.unitId, status: 'open' as const },
        },
      };
    }),
    settleFinding: assign(({ context, event }) => {
      const status: Partial<Record<InspectionCampaignEvent['type'], FindingStatus>> = {
        ASSIGN_TASK: 'task',
        ESCALATE_FINDING: 'escalated',
        CLOSE_FINDING: 'closed',
      };
      const next = status[event.type];
      if (!next || !('findingId' in event)) return context;
      const finding = context.findings[event.findingId];
      return {
        findings: { ...context.findings, [event.findingId]: { ...finding, status: next } },
      };
    }),
    conclude: assign(({ context, event }) => {
      if (event.type !== 'CONCLUDE') return context;
      return { noticeNumber: event.noticeNumber.trim(), concludedOn: event.today };
    }),
  },
  guards: {
    /** The actor may send this event and every precondition holds. */
    permitted: ({ context, event }) =>
      authorizeInspectionCampaign(context, event.type, event.actor) === null &&
      inspectionCampaignPrecondition(context, event) === null,
    /** The units learn of the campaign when it starts (not for a không báo trước one). */
    announced: ({ context }) => context.kind !== 'khong_bao_truoc',
  },
});

type CampaignArgs = { context: InspectionCampaignContext; event: InspectionCampaignEvent };

/** The team (head included) is told that the campaign has started. */
const notifyTeam = {
  type: 'notify',
  params: ({ context }: CampaignArgs): CampaignNotifyEffect => ({
    topic: 'campaign.started',
    userIds: context.inspectorIds,
    unitIds: [],
  }),
} as const;

/** Every unit in scope is told that it will be inspected. */
const notifyUnits = {
  type: 'notify',
  params: ({ context }: CampaignArgs): CampaignNotifyEffect => ({
    topic: 'campaign.announced',
    userIds: [],
    unitIds: Object.keys(context.visits),
  }),
} as const;

/** The unit of an unannounced visit is told when the team arrives. */
const notifyVisitedUnit = {
  type: 'notify',
  params: ({ event }: CampaignArgs): CampaignNotifyEffect => ({
    topic: 'campaign.visit.started',
    userIds: [],
    unitIds: event.type === 'START_VISIT' ? [event.unitId] : [],
  }),
} as const;

const handleFindings = {
  ASSIGN_TASK: { guard: 'permitted', actions: 'settleFinding' },
  ESCALATE_FINDING: { guard: 'permitted', actions: 'settleFinding' },
} as const;

export const inspectionCampaignMachine = campaignSetup.createMachine({
  id: 'inspectionCampaign',
  initial: 'planned',
  context: ({ input }) => ({
    kind: input.kind,
    headId: input.headId,
    inspectorIds: input.inspectorIds,
    visits: Object.fromEntries(
      input.visits.map((visit) => [
        visit.unitId,
        {
          state: 'scheduled' as const,
          scheduledOn: visit.scheduledOn,
          startedOn: null,
          checkedOn: null,
          doneOn: null,
        },
      ]),
    ),
    findings: {},
    noticeNumber: null,
    concludedOn: null,
  }),
  states: {
    planned: {
      on: {
        START: [
          {
            guard: and(['permitted', 'announced']),
            target: 'inProgress',
            actions: [notifyTeam, notifyUnits],
          },
          { guard: 'permitted', target: 'inProgress', actions: [notifyTeam] },
        ],
      },
    },
    inProgress: {
      on: {
        START_VISIT: [
          { guard: and(['permitted', 'announced']), actions: 'startVisit' },
          { guard: 'permitted', actions: ['startVisit', notifyVisitedUnit] },
        ],
        RECORD_CHECKLIST: { guard: 'permitted', actions: 'recordChecklist' },
        FINISH_VISIT: { guard: 'permitted', actions: 'finishVisit' },
        RECORD_FINDING: { guard: 'permitted', actions: 'recordFinding' },
        ...handleFindings,
        CONCLUDE: { guard: 'permitted', target: 'concluded', actions: 'conclude' },
      },
    },
    // The chairman has signed the conclusion: findings are dealt with until every one settles.
    concluded: {
      on: {
        ...handleFindings,
        CLOSE_FINDING: { guard: 'permitted', actions: 'settleFinding' },
        CLOSE: { guard: 'permitted', target: 'closed' },
      },
    },
    closed: { type: 'final' },
  },
});

export type InspectionCampaignMachine = typeof inspectionCampaignMachine;
