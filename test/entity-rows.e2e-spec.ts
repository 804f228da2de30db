import { INestApplication } from '@nestjs/common';
import { DataSource, In, ObjectLiteral } from 'typeorm';
import { ManualClock, rowsByIds } from '@cchc/common';
import { ProcedureEntity, ReformTaskEntity, TthcDossierEntity, UserEntity } from '@cchc/database';
import { ApiClient } from './support/api-client';
import { demoWardIds } from './support/demo-ward-ids';
import { freshEnvironment } from './support/e2e-env';
import { startApi } from './support/test-app';

/*
 * rowsByIds (plain SQL with entityColumns, hydrated by hand as list pages, the inbox and a
 * transition read their rows) against TypeORM's own reading of the same rows, column for column,
 * on the demo ward's rows: dates, JSON, booleans, nullable and generated columns alike.
 */
describe('rowsByIds', () => {
  let api: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    await freshEnvironment('entity_rows');
    api = await startApi(new ManualClock(new Date('2026-03-02T02:00:00Z')));
    db = api.get(DataSource);
    const client = new ApiClient(api.getHttpServer());
    const { units } = await demoWardIds(client);
    const created = [
      await client.post('coordinator', '/procedures', {
        code: 'ROWS.001',
        name: 'Thủ tục đọc dòng',
        processingDays: 5,
        handlingUnitId: units.VHXH,
      }),
      await client.post('coordinator', '/tasks', {
        title: 'Nhiệm vụ có hạn',
        leadUnitId: units.VHXH,
        coordinatingUnitIds: [units.VP],
        dueDate: '2026-03-31',
      }),
      await client.post('coordinator', '/tasks', {
        title: 'Nhiệm vụ chưa có hạn',
        leadUnitId: units.VP,
      }),
      await client.post('one_stop_officer', '/dossiers', {
        code: 'ROWS-0001',
        procedureCode: 'ROWS.001',
        applicant: { name: 'Nguyễn Văn Thử' },
        receivedAt: '2026-02-12T09:30:00+07:00',
      }),
    ];
    expect(created.map((response) => response.status)).toEqual([201, 201, 201, 201]);
  });

  afterAll(() => api?.close());

  it.each([
    ['reform_tasks', ReformTaskEntity],
    ['tthc_dossiers', TthcDossierEntity],
    ['users', UserEntity],
    ['procedures', ProcedureEntity],
  ])('reads %s as TypeORM does', async (_table, entity) => {
    const repository = db.getRepository<ObjectLiteral>(entity);
    const ids = (await repository.find({ select: { id: true }, take: 50 })).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(0);
    const ours = await rowsByIds(db.manager, repository.metadata, ids);
    const typeorms = await repository.findBy({ id: In(ids) });
    const byId = (rows: ObjectLiteral[]) => new Map(rows.map((row) => [row.id, row]));
    expect(byId(ours)).toEqual(byId(typeorms));
    expect(ours[0]).toBeInstanceOf(entity);
  });

  it('reads nothing for no ids', async () => {
    expect(await rowsByIds(db.manager, db.getRepository(ReformTaskEntity).metadata, [])).toEqual(
      [],
    );
  });
});
