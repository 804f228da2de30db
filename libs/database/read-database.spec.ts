import { DataSource, EntityManager, ReplicationMode } from 'typeorm';
import { AppConfig, ManualClock } from '@cchc/common';
import { LAG_CHECK_MS, ReadDatabase } from './read-database';

/** A data source whose connections say which server they are on; the replica's status is set. */
function servers(replica: { lag: number | null; down?: boolean }) {
  const asked: string[] = [];
  const dataSource = {
    createQueryRunner: (mode: ReplicationMode) => ({
      manager: {
        query: async (sql: string) => {
          asked.push(`${mode}: ${sql}`);
          if (mode === 'slave' && replica.down)
            throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
          if (sql === 'SHOW REPLICA STATUS') return [{ Seconds_Behind_Master: replica.lag }];
          return [{ server: mode }];
        },
      },
      release: async () => undefined,
    }),
  } as unknown as DataSource;
  return { dataSource, asked };
}

const config = (readUrl: string | null, maxLag: number | null) =>
  ({ databaseReadUrl: readUrl, databaseReadMaxLagSeconds: maxLag }) as AppConfig;

const server = (reads: ReadDatabase) =>
  reads.run(async (manager: EntityManager) => (await manager.query('SELECT 1'))[0].server);

describe('ReadDatabase', () => {
  const clock = new ManualClock(new Date('2026-11-29T05:00:00Z'));

  it('reads the primary when there is no replica', async () => {
    const { dataSource, asked } = servers({ lag: 0 });
    expect(await server(new ReadDatabase(dataSource, config(null, 30), clock))).toBe('master');
    expect(asked).toEqual(['master: SELECT 1']);
  });

  it('reads the replica while it is at most DATABASE_READ_MAX_LAG behind, looking every 5 s', async () => {
    const replica = { lag: 30 as number | null };
    const { dataSource, asked } = servers(replica);
    const reads = new ReadDatabase(dataSource, config('mysql://replica/cchc', 30), clock);
    expect(await server(reads)).toBe('slave');
    replica.lag = 31;
    expect(await server(reads)).toBe('slave');
    clock.advance(LAG_CHECK_MS);
    expect(await server(reads)).toBe('master');
    replica.lag = null;
    clock.advance(LAG_CHECK_MS);
    expect(await server(reads)).toBe('master');
    replica.lag = 0;
    clock.advance(LAG_CHECK_MS);
    expect(await server(reads)).toBe('slave');
    expect(asked.filter((sql) => sql.endsWith('SHOW REPLICA STATUS'))).toHaveLength(4);
  });

  it('reads a lagging replica as it is when the check is off', async () => {
    const { dataSource, asked } = servers({ lag: null });
    const reads = new ReadDatabase(dataSource, config('mysql://replica/cchc', null), clock);
    expect(await server(reads)).toBe('slave');
    expect(asked).toEqual(['slave: SELECT 1']);
  });

  it('reads the primary when the replica cannot be reached', async () => {
    const { dataSource } = servers({ lag: null, down: true });
    const reads = new ReadDatabase(dataSource, config('mysql://replica/cchc', null), clock);
    expect(await server(reads)).toBe('master');
  });
});
