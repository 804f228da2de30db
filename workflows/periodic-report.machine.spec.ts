import { initialTransition, transition } from 'xstate';
import {
  Actor,
  CONTRIBUTION_EVENT_TYPES,
  CONTRIBUTION_STATES,
  ContributionContext,
  ContributionEvent,
  REPORT_EVENT_TYPES,
  REPORT_STATES,
  ReportContext,
  ReportEvent,
  ROLES,
  Role,
  SYSTEM_ACTOR,
} from '@cchc/domain';
import { periodicReportMachine, reportContributionMachine } from './periodic-report.machine';
import { periodicReportWorkflow, reportContributionWorkflow } from './periodic-report.workflow';
import { refusal, restoreSnapshot } from './workflow-definition';

const CUTOFF = '2026-03-14';
const UPSTREAM_DUE = '2026-03-20';
const CONTRIBUTION_DUE = '2026-03-09';
const HASH = 'a'.repeat(64);

const user = (role: Role, unitId: string | null = null): Actor => ({
  kind: 'user',
  userId: `${role}-1`,
  role,
  unitId,
});

function reportIn(state: string, overrides: Partial<ReportContext> = {}) {
  const [initial] = initialTransition(periodicReportMachine, {
    cutoffDate: CUTOFF,
    upstreamDueDate: UPSTREAM_DUE,
  });
  const awaiting = {
    open: 'coordinator',
    compiling: 'coordinator',
    submittedForApproval: 'leader',
    approved: 'chairman',
    signed: 'coordinator',
    sent: null,
  }[state] as Role | null;
  const signature =
    state === 'signed' || state === 'sent' ? { number: '11/BC-UBND', signedOn: '2026-03-17' } : {};
  return restoreSnapshot(periodicReportWorkflow, {
    value: state,
    context: {
      ...initial.context,
      revision: state === 'open' ? 0 : 1,
      awaiting,
      ...signature,
      ...(state === 'sent' ? { sentOn: '2026-03-18' } : {}),
      ...overrides,
    },
  });
}

function contributionIn(state: string, overrides: Partial<ContributionContext> = {}) {
  const [initial] = initialTransition(reportContributionMachine, {
    unitId: 'unit-A',
    dueDate: CONTRIBUTION_DUE,
  });
  return restoreSnapshot(reportContributionWorkflow, {
    value: state,
    context: { ...initial.context, ...overrides },
  });
}

/** A well-formed report event of each type, sent by whoever may send it in `state`. */
function reportEvent(type: string, state: string, today = '2026-03-16'): ReportEvent {
  const actor = user(
    (
      {
        START_COMPILING: 'coordinator',
        COMPILE: 'coordinator',
        SUBMIT_FOR_APPROVAL: 'coordinator',
        APPROVE: 'leader',
        SIGN: 'chairman',
        SEND: 'coordinator',
        RETURN: state === 'approved' || state === 'signed' ? 'chairman' : 'leader',
        CORRECT: 'coordinator',
      } as Record<string, Role>
    )[type],
  );
  const payload = {
    COMPILE: { revision: state === 'open' ? 1 : 2, contentHash: HASH },
    SIGN: { number: '12/BC-UBND' },
    RETURN: { reason: 'Số liệu chưa khớp' },
    CORRECT: { reason: 'Bổ sung 02 hồ sơ tiếp nhận trong kỳ chưa được cập nhật' },
  }[type as 'COMPILE' | 'SIGN' | 'RETURN' | 'CORRECT'];
  return { type, actor, today, ...payload } as ReportEvent;
}

function contributionEvent(type: string, today = '2026-03-10'): ContributionEvent {
  const base = { type, today } as const;
  switch (type) {
    case 'SUBMIT':
      return {
        ...base,
        actor: user('officer', 'unit-A'),
        results: 'Hoàn thành 5 nhiệm vụ',
        problems: 'Thiếu nhân lực',
        proposals: 'Bổ sung biên chế',
      } as ContributionEvent;
    case 'ACCEPT':
      return { ...base, actor: user('coordinator') } as ContributionEvent;
    case 'RETURN':
      return { ...base, actor: user('coordinator'), reason: 'Thiếu số liệu' } as ContributionEvent;
    case 'REMIND':
    case 'ESCALATE':
      return { ...base, actor: SYSTEM_ACTOR, level: 1, to: ['leadUnit'] } as ContributionEvent;
    default:
      return { ...base, actor: SYSTEM_ACTOR } as ContributionEvent;
  }
}

describe('periodicReportMachine', () => {
  it('starts open, waiting for the coordinator, with no figures frozen', () => {
    const [snapshot] = initialTransition(periodicReportMachine, {
      cutoffDate: CUTOFF,
      upstreamDueDate: UPSTREAM_DUE,
    });
    expect(snapshot.value).toBe('open');
    expect(snapshot.context).toMatchObject({
      revision: 0,
      contentHash: null,
      awaiting: 'coordinator',
    });
  });

  /** Where each (state, event) goes; absent = the state does not take the event. */
  const TARGETS: Record<string, Record<string, string>> = {
    open: { START_COMPILING: 'compiling' },
    compiling: { COMPILE: 'compiling', SUBMIT_FOR_APPROVAL: 'submittedForApproval' },
    submittedForApproval: { APPROVE: 'approved', RETURN: 'compiling' },
    approved: { SIGN: 'signed', RETURN: 'compiling' },
    signed: { SEND: 'sent', RETURN: 'compiling' },
    sent: { CORRECT: 'compiling' },
  };

  describe.each(REPORT_STATES.map((state) => [state]))('in %s', (state) => {
    it.each(REPORT_EVENT_TYPES.map((type) => [type]))('%s', (type) => {
      const snapshot = reportIn(state);
      const event = reportEvent(type, state);
      const target = TARGETS[state][type];
      if (!target) {
        expect(refusal(periodicReportWorkflow, snapshot, event)?.kind).toBe('state');
        return;
      }
      expect(refusal(periodicReportWorkflow, snapshot, event)).toBeNull();
      const [next] = transition(periodicReportMachine, snapshot, event);
      expect(next.value).toBe(target);
      // Every other role is refused (the chairman may act for the leader).
      for (const role of ROLES) {
        if (role === (event.actor as { role: Role }).role) continue;
        if (role === 'chairman' && (event.actor as { role: Role }).role === 'leader') continue;
        const other = { ...event, actor: user(role) } as ReportEvent;
        expect(refusal(periodicReportWorkflow, snapshot, other)?.kind).toBe('role');
      }
      expect(
        refusal(periodicReportWorkflow, snapshot, { ...event, actor: SYSTEM_ACTOR } as ReportEvent)
          ?.kind,
      ).toBe('role');
    });
  });

  it('walks open → compiling → submitted → returned → compiled again → approved → signed → sent', () => {
    let snapshot = reportIn('open');
    const step = (event: ReportEvent) => {
      expect(refusal(periodicReportWorkflow, snapshot, event)).toBeNull();
      [snapshot] = transition(periodicReportMachine, snapshot, event);
    };
    step(reportEvent('START_COMPILING', 'open'));
    step({ ...reportEvent('COMPILE', 'open'), revision: 1 } as ReportEvent);
    step(reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'));
    expect(snapshot.context.awaiting).toBe('leader');
    step(reportEvent('RETURN', 'submittedForApproval'));
    expect(snapshot.value).toBe('compiling');
    expect(snapshot.context).toMatchObject({
      returnReason: 'Số liệu chưa khớp',
      awaiting: 'coordinator',
    });
    step({
      ...reportEvent('COMPILE', 'compiling'),
      revision: 2,
      contentHash: 'b'.repeat(64),
    } as ReportEvent);
    step(reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'));
    expect(snapshot.context.returnReason).toBeNull();
    step(reportEvent('APPROVE', 'submittedForApproval'));
    step(reportEvent('RETURN', 'approved'));
    step(reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'));
    step(reportEvent('APPROVE', 'submittedForApproval'));
    step(reportEvent('SIGN', 'approved', '2026-03-18'));
    step(reportEvent('SEND', 'signed', '2026-03-20'));
    expect(snapshot.value).toBe('sent');
    // Not final: a sent report is corrected by a báo cáo đính chính.
    expect(snapshot.status).toBe('active');
    expect(snapshot.context).toMatchObject({
      revision: 2,
      contentHash: 'b'.repeat(64),
      number: '12/BC-UBND',
      signedOn: '2026-03-18',
      sentOn: '2026-03-20',
      late: false,
      awaiting: null,
    });
  });

  it('marks a report sent after the upstream due date late', () => {
    const [sent] = transition(
      periodicReportMachine,
      reportIn('signed'),
      reportEvent('SEND', 'signed', '2026-03-21'),
    );
    expect(sent.context.late).toBe(true);
  });

  describe('preconditions', () => {
    it('refuses to submit for approval before any figures are frozen', () => {
      const refused = refusal(
        periodicReportWorkflow,
        reportIn('compiling', { revision: 0 }),
        reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'),
      );
      expect(refused).toMatchObject({
        kind: 'precondition',
        message: 'Cần tổng hợp số liệu trước khi trình duyệt.',
      });
    });

    it('needs the next revision number and a sha-256 to compile', () => {
      const snapshot = reportIn('compiling');
      for (const bad of [{ revision: 1 }, { revision: 3 }, { contentHash: 'xyz' }]) {
        const event = { ...reportEvent('COMPILE', 'compiling'), ...bad } as ReportEvent;
        expect(refusal(periodicReportWorkflow, snapshot, event)?.kind).toBe('precondition');
      }
    });

    it('needs a reason to return and a number to sign', () => {
      const returned = {
        ...reportEvent('RETURN', 'submittedForApproval'),
        reason: '  ',
      } as ReportEvent;
      expect(
        refusal(periodicReportWorkflow, reportIn('submittedForApproval'), returned)?.kind,
      ).toBe('precondition');
      const signed = { ...reportEvent('SIGN', 'approved'), number: '' } as ReportEvent;
      expect(refusal(periodicReportWorkflow, reportIn('approved'), signed)?.kind).toBe(
        'precondition',
      );
    });

    it('needs a reason to correct a sent report', () => {
      for (const reason of ['', '   ', 'x'.repeat(20_001)]) {
        const event = { ...reportEvent('CORRECT', 'sent'), reason } as ReportEvent;
        expect(refusal(periodicReportWorkflow, reportIn('sent'), event)).toMatchObject({
          kind: 'precondition',
          message: expect.stringMatching(/lý do đính chính/i) as unknown,
        });
      }
    });

    it('refuses to submit a correction before the figures are compiled again', () => {
      const [correcting] = transition(
        periodicReportMachine,
        reportIn('sent'),
        reportEvent('CORRECT', 'sent'),
      );
      expect(
        refusal(
          periodicReportWorkflow,
          correcting,
          reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'),
        ),
      ).toMatchObject({
        kind: 'precondition',
        message: 'Cần tổng hợp lại số liệu trước khi trình duyệt báo cáo đính chính.',
      });
    });

    it('lets only the chairman return an approved report (the leader already decided)', () => {
      const byLeader = {
        ...reportEvent('RETURN', 'approved'),
        actor: user('leader'),
      } as ReportEvent;
      expect(refusal(periodicReportWorkflow, reportIn('approved'), byLeader)?.kind).toBe('role');
    });
  });
});

describe('periodicReportMachine: correcting a sent report', () => {
  const step = (snapshot: ReturnType<typeof reportIn>, event: ReportEvent) => {
    expect(refusal(periodicReportWorkflow, snapshot, event)).toBeNull();
    return transition(periodicReportMachine, snapshot, event);
  };

  it('reopens a sent report as a correction that replaces it, signed under a new number', () => {
    const [correcting, actions] = step(
      reportIn('sent'),
      reportEvent('CORRECT', 'sent', '2026-04-02'),
    );
    expect(correcting.value).toBe('compiling');
    expect(correcting.context).toMatchObject({
      revision: 1,
      number: null,
      signedOn: null,
      sentOn: '2026-03-18',
      awaiting: 'coordinator',
      corrects: {
        revision: 1,
        number: '11/BC-UBND',
        signedOn: '2026-03-17',
        reason: 'Bổ sung 02 hồ sơ tiếp nhận trong kỳ chưa được cập nhật',
      },
    });
    expect(actions).toContainEqual(
      expect.objectContaining({
        params: { to: ['leader', 'chairman'], topic: 'report.correcting' },
      }),
    );
    let [snapshot] = step(correcting, {
      ...reportEvent('COMPILE', 'compiling'),
      revision: 2,
    } as ReportEvent);
    [snapshot] = step(snapshot, reportEvent('SUBMIT_FOR_APPROVAL', 'compiling'));
    [snapshot] = step(snapshot, reportEvent('APPROVE', 'submittedForApproval'));
    [snapshot] = step(snapshot, {
      ...reportEvent('SIGN', 'approved', '2026-04-03'),
      number: '15/BC-UBND',
    } as ReportEvent);
    [snapshot] = step(snapshot, reportEvent('SEND', 'signed', '2026-04-03'));
    expect(snapshot.value).toBe('sent');
    // Sent on time the first time: the correction, sent after the due date, does not make it late.
    expect(snapshot.context).toMatchObject({
      revision: 2,
      number: '15/BC-UBND',
      signedOn: '2026-04-03',
      sentOn: '2026-03-18',
      late: false,
      corrects: { revision: 1, number: '11/BC-UBND' },
    });
    // Corrected again: it now replaces the correction.
    [snapshot] = step(snapshot, reportEvent('CORRECT', 'sent', '2026-04-10'));
    expect(snapshot.context.corrects).toMatchObject({ revision: 2, number: '15/BC-UBND' });
  });

  it('is returned by the chairman before it is sent, his signature withdrawn', () => {
    const [returned, actions] = step(reportIn('signed'), reportEvent('RETURN', 'signed'));
    expect(returned.value).toBe('compiling');
    expect(returned.context).toMatchObject({
      number: null,
      signedOn: null,
      sentOn: null,
      returnReason: 'Số liệu chưa khớp',
      awaiting: 'coordinator',
    });
    expect(actions).toContainEqual(
      expect.objectContaining({ params: { to: ['coordinator'], topic: 'report.returned' } }),
    );
    const byLeader = { ...reportEvent('RETURN', 'signed'), actor: user('leader') } as ReportEvent;
    expect(refusal(periodicReportWorkflow, reportIn('signed'), byLeader)?.kind).toBe('role');
  });

  it('corrects a report stored as sent before corrections existed (no `corrects`, machine version 1)', () => {
    expect(periodicReportWorkflow.version).toBe(1);
    const { corrects: _absent, ...older } = reportIn('sent').context;
    const stored = restoreSnapshot(periodicReportWorkflow, {
      value: 'sent',
      context: older as ReportContext,
    });
    expect(stored.status).toBe('active');
    const [correcting] = step(stored, reportEvent('CORRECT', 'sent'));
    expect(correcting.context.corrects).toMatchObject({ revision: 1, number: '11/BC-UBND' });
  });
});

describe('reportContributionMachine', () => {
  it('starts requested and tells the unit', () => {
    const [snapshot, actions] = initialTransition(reportContributionMachine, {
      unitId: 'unit-A',
      dueDate: CONTRIBUTION_DUE,
    });
    expect(snapshot.value).toBe('requested');
    expect(actions).toEqual([
      expect.objectContaining({ params: { to: ['leadUnit'], topic: 'contribution.requested' } }),
    ]);
  });

  const TARGETS: Record<string, Record<string, string>> = {
    requested: {
      SUBMIT: 'submitted',
      DEADLINE_PASSED: 'requested',
      REMIND: 'requested',
      ESCALATE: 'requested',
    },
    submitted: { ACCEPT: 'accepted', RETURN: 'returned' },
    returned: {
      SUBMIT: 'submitted',
      DEADLINE_PASSED: 'returned',
      REMIND: 'returned',
      ESCALATE: 'returned',
    },
    accepted: {},
  };
  const SENDER: Record<string, Actor> = {
    SUBMIT: user('officer', 'unit-A'),
    ACCEPT: user('coordinator'),
    RETURN: user('coordinator'),
    DEADLINE_PASSED: SYSTEM_ACTOR,
    REMIND: SYSTEM_ACTOR,
    ESCALATE: SYSTEM_ACTOR,
  };

  describe.each(CONTRIBUTION_STATES.map((state) => [state]))('in %s', (state) => {
    it.each(CONTRIBUTION_EVENT_TYPES.map((type) => [type]))('%s', (type) => {
      const snapshot = contributionIn(state);
      const event = contributionEvent(type);
      const target = TARGETS[state][type];
      if (!target) {
        expect(refusal(reportContributionWorkflow, snapshot, event)?.kind).toBe('state');
        return;
      }
      expect(refusal(reportContributionWorkflow, snapshot, event)).toBeNull();
      expect(transition(reportContributionMachine, snapshot, event)[0].value).toBe(target);
      const allowed = SENDER[type];
      const others: Actor[] = [
        ...ROLES.map((role) => user(role, 'unit-A')),
        user('officer', 'unit-B'),
        user('unit_head', 'unit-B'),
        SYSTEM_ACTOR,
      ];
      for (const actor of others) {
        const same =
          actor.kind === allowed.kind &&
          (actor.kind === 'system' ||
            (allowed.kind === 'user' &&
              (type === 'SUBMIT'
                ? ['officer', 'unit_head'].includes(actor.role) && actor.unitId === 'unit-A'
                : actor.role === allowed.role)));
        const verdict = refusal(reportContributionWorkflow, snapshot, {
          ...event,
          actor,
        } as ContributionEvent);
        if (same) expect(verdict).toBeNull();
        else expect(verdict?.kind).toBe('role');
      }
    });
  });

  it('records the text, and late when submitted after the due date', () => {
    const [onTime] = transition(
      reportContributionMachine,
      contributionIn('requested'),
      contributionEvent('SUBMIT', CONTRIBUTION_DUE),
    );
    expect(onTime.context).toMatchObject({
      results: 'Hoàn thành 5 nhiệm vụ',
      problems: 'Thiếu nhân lực',
      proposals: 'Bổ sung biên chế',
      submittedOn: CONTRIBUTION_DUE,
      late: false,
    });
    const [late] = transition(
      reportContributionMachine,
      contributionIn('requested'),
      contributionEvent('SUBMIT', '2026-03-10'),
    );
    expect(late.context.late).toBe(true);
  });

  it('returned with a reason, then submitted again clears the reason', () => {
    const [returned] = transition(
      reportContributionMachine,
      contributionIn('submitted'),
      contributionEvent('RETURN'),
    );
    expect(returned.context.returnReason).toBe('Thiếu số liệu');
    const [again] = transition(
      reportContributionMachine,
      returned,
      contributionEvent('SUBMIT', '2026-03-08'),
    );
    expect(again.value).toBe('submitted');
    expect(again.context.returnReason).toBeNull();
  });

  it('DEADLINE_PASSED only after the due date, and marks the contribution overdue and late', () => {
    const before = contributionEvent('DEADLINE_PASSED', CONTRIBUTION_DUE);
    expect(refusal(reportContributionWorkflow, contributionIn('requested'), before)?.kind).toBe(
      'precondition',
    );
    const [overdue] = transition(
      reportContributionMachine,
      contributionIn('requested'),
      contributionEvent('DEADLINE_PASSED', '2026-03-10'),
    );
    expect(overdue.context).toMatchObject({ overdue: true, late: true });
    // Delivered again (a stale timer), it is refused: marked late once.
    expect(
      refusal(
        reportContributionWorkflow,
        overdue,
        contributionEvent('DEADLINE_PASSED', '2026-03-11'),
      )?.kind,
    ).toBe('precondition');
  });

  it('reminds and escalates each level once, telling whom the timer names', () => {
    const [reminded, actions] = transition(
      reportContributionMachine,
      contributionIn('requested'),
      contributionEvent('REMIND'),
    );
    expect(reminded.context.reminded).toEqual([1]);
    expect(actions).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        params: { to: ['leadUnit'], topic: 'contribution.reminder' },
      }),
    );
    expect(refusal(reportContributionWorkflow, reminded, contributionEvent('REMIND'))?.kind).toBe(
      'precondition',
    );
    const [escalated] = transition(reportContributionMachine, reminded, {
      ...contributionEvent('ESCALATE'),
      to: ['chairman'],
    } as ContributionEvent);
    expect(escalated.context.escalated).toEqual([1]);
    expect(
      refusal(reportContributionWorkflow, escalated, contributionEvent('ESCALATE'))?.kind,
    ).toBe('precondition');
  });

  it('refuses a submission without results or with a text too long', () => {
    const empty = { ...contributionEvent('SUBMIT'), results: ' ' } as ContributionEvent;
    expect(refusal(reportContributionWorkflow, contributionIn('requested'), empty)?.kind).toBe(
      'precondition',
    );
    const long = {
      ...contributionEvent('SUBMIT'),
      problems: 'x'.repeat(20_001),
    } as ContributionEvent;
    expect(refusal(reportContributionWorkflow, contributionIn('requested'), long)?.kind).toBe(
      'precondition',
    );
    const noReason = { ...contributionEvent('RETURN'), reason: '' } as ContributionEvent;
    expect(refusal(reportContributionWorkflow, contributionIn('submitted'), noReason)?.kind).toBe(
      'precondition',
    );
  });
});
