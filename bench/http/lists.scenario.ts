/** Item 1 of issue 16: the lists people wait on, with every filter the console uses. */
import { Role } from '@cchc/domain';
import { BenchContext, Figures, load, Scenario } from './scenario';

const INBOX_ROLES: Role[] = [
  'officer',
  'unit_head',
  'leader',
  'chairman',
  'coordinator',
  'one_stop_officer',
  'inspector',
];

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export const listsScenario: Scenario = {
  name: 'lists',
  target: { p99Ms: 100, minRps: 300, description: 'p99 ≤ 100 ms and ≥ 300 req/s at 16 clients' },
  async run(ctx: BenchContext): Promise<Figures[]> {
    const { ids } = ctx;
    const unit = ids.unitIds[1];
    const tasks: [string, string][] = [
      ['GET /tasks', '/tasks'],
      ['GET /tasks?state=inProgress', '/tasks?state=inProgress'],
      ['GET /tasks?overdue=true', '/tasks?overdue=true'],
      ['GET /tasks?text=hộ tịch', `/tasks?text=${encodeURIComponent('hộ tịch')}`],
      ['GET /tasks?leadUnitId=', `/tasks?leadUnitId=${unit}`],
      ['GET /tasks?planId=&areaCode=II', `/tasks?planId=${ids.planId}&areaCode=II`],
      [
        'GET /tasks?dueAfter=&dueBefore= (a month)',
        `/tasks?dueAfter=${daysAgo(60)}&dueBefore=${daysAgo(30)}`,
      ],
    ];
    const dossiers: [string, string][] = [
      ['GET /dossiers', '/dossiers'],
      ['GET /dossiers?overdue=true', '/dossiers?overdue=true'],
      ['GET /dossiers?state=processing', '/dossiers?state=processing'],
      ['GET /dossiers?apology=pending', '/dossiers?apology=pending'],
      ['GET /dossiers?handlingUnitId=', `/dossiers?handlingUnitId=${unit}`],
      [
        'GET /dossiers?receivedFrom=&receivedTo= (a week)',
        `/dossiers?receivedFrom=${daysAgo(37)}&receivedTo=${daysAgo(30)}`,
      ],
      [
        'GET /dossiers?appointmentFrom=&appointmentTo= (a week)',
        `/dossiers?appointmentFrom=${daysAgo(7)}&appointmentTo=${daysAgo(0)}`,
      ],
      // The search box: a name typed without accents that a sixth of the ward bears, a code's
      // start (a hundred dossiers), and a name with a filter.
      ['GET /dossiers?q= (a common name)', `/dossiers?q=${encodeURIComponent('nguyen van an')}`],
      ['GET /dossiers?q= (a code prefix)', '/dossiers?q=HS-00012'],
      [
        'GET /dossiers?q=&state=processing',
        `/dossiers?q=${encodeURIComponent('tran thi')}&state=processing`,
      ],
    ];
    const rows: Figures[] = [];
    for (const [endpoint, paths] of tasks) {
      rows.push(...(await load(ctx, { endpoint, role: 'coordinator', paths })));
    }
    for (const [endpoint, paths] of dossiers) {
      rows.push(...(await load(ctx, { endpoint, role: 'one_stop_officer', paths })));
    }
    for (const role of INBOX_ROLES) {
      rows.push(...(await load(ctx, { endpoint: `GET /inbox (${role})`, role, paths: '/inbox' })));
    }
    rows.push(
      ...(await load(ctx, {
        endpoint: 'GET /notifications',
        role: 'officer',
        paths: '/notifications',
      })),
    );
    rows.push(
      ...(await load(ctx, {
        endpoint: 'GET /notifications?unread=true',
        role: 'officer',
        paths: '/notifications?unread=true',
      })),
    );
    rows.push(
      ...(await load(ctx, {
        endpoint: 'GET /notifications/summary',
        role: 'officer',
        paths: '/notifications/summary',
      })),
    );
    return rows;
  },
};
