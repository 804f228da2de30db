/**
 * Item 2 of issue 16: the statistics behind the dashboard (/stats/*; its count per task state is
 * `byState` of GET /stats/tasks).
 */
import { BenchContext, Figures, load, Scenario } from './scenario';

export const statsScenario: Scenario = {
  name: 'stats',
  target: { p99Ms: 200, description: 'p99 ≤ 200 ms over 1,000,000 dossiers' },
  async run(ctx: BenchContext): Promise<Figures[]> {
    const year = new Date().getUTCFullYear();
    const endpoints: [string, string][] = [
      ['GET /stats/dossiers', '/stats/dossiers'],
      [
        'GET /stats/dossiers?from=&to= (half-year)',
        `/stats/dossiers?from=${year}-01-01&to=${year}-06-30`,
      ],
      ['GET /stats/dossiers?unitId=', `/stats/dossiers?unitId=${ctx.ids.unitIds[1]}`],
      ['GET /stats/tasks', '/stats/tasks'],
      [
        'GET /stats/tasks?from=&to= (half-year)',
        `/stats/tasks?from=${year}-01-01&to=${year}-06-30`,
      ],
    ];
    const rows: Figures[] = [];
    for (const [endpoint, paths] of endpoints) {
      rows.push(...(await load(ctx, { endpoint, role: 'coordinator', paths })));
    }
    return rows;
  },
};
