import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COUNT_CAP, ManualClock } from '@cchc/common';
import { ApiClient } from './support/api-client';
import { freshEnvironment } from './support/e2e-env';
import { insertNotifications } from './support/notifications';
import { startApi } from './support/test-app';

interface Summary {
  unread: number;
  unreadCapped: boolean;
  latest: { id: string; userId: string; title: string; readAt: string | null }[];
  olderCursor: string | null;
}

/** GET /notifications/summary, what the console's bell polls: the unread count and the latest 30. */
describe('notifications: the summary (unread count, capped, and the latest 30)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00+07:00'));
  let api: INestApplication;
  let client: ApiClient;
  let db: DataSource;

  beforeAll(async () => {
    await freshEnvironment('notifications');
    api = await startApi(clock);
    client = new ApiClient(api.getHttpServer());
    db = api.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
  });

  async function userId(username: string): Promise<string> {
    const [user] = (await db.query('SELECT id FROM users WHERE username = ?', [username])) as {
      id: string;
    }[];
    return user.id;
  }

  const summary = async (username: string): Promise<Summary> => {
    const response = await client.get(username, '/notifications/summary');
    expect(response.status).toBe(200);
    return response.body as Summary;
  };

  it('is empty for a user with no notification', async () => {
    expect(await summary('inspector')).toEqual({
      unread: 0,
      unreadCapped: false,
      latest: [],
      olderCursor: null,
    });
  });

  it('counts every unread one beyond the latest 30, not another user’s, and one fewer once read', async () => {
    // 5 read ones, older, then 35 unread: the latest 30 are all unread, 5 unread lie beyond.
    await insertNotifications(db, 'officer', 'Đã đọc từ trước', 5, { read: true });
    await insertNotifications(db, 'officer', 'Chưa đọc', 35);
    await insertNotifications(db, 'unit_head', 'Của người khác', 7);

    const before = await summary('officer');
    expect(before.unread).toBe(35);
    expect(before.unreadCapped).toBe(false);
    expect(before.latest.map((item) => item.title)).toEqual(
      Array.from({ length: 30 }, (_, i) => `Chưa đọc ${35 - i}`),
    );
    const officer = await userId('officer');
    expect(before.latest.every((item) => item.userId === officer)).toBe(true);

    const newest = before.latest[0];
    expect((await client.post('officer', `/notifications/${newest.id}/read`)).status).toBe(200);
    const after = await summary('officer');
    expect(after.unread).toBe(34);
    expect(after.latest[0]).toEqual(expect.objectContaining({ id: newest.id }));
    expect(after.latest[0].readAt).not.toBeNull();
    expect(await summary('unit_head')).toEqual(
      expect.objectContaining({ unread: 7, unreadCapped: false }),
    );
  });

  it('lists them newest first a page at a time, each page after the cursor of the one before', async () => {
    // The officer's 40 (previous test): read and unread ones share their times, so pages end
    // between two notifications of one instant and the id decides.
    const newestFirst = async (readAt: string) =>
      (
        (await db.query(
          `SELECT title FROM notifications WHERE user_id = ? AND ${readAt}
           ORDER BY created_at DESC, id DESC`,
          [await userId('officer')],
        )) as { title: string }[]
      ).map((row) => row.title);
    const walk = async (filter: string) => {
      const titles: string[] = [];
      const totals: number[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const query = `pageSize=15${filter}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await client.get('officer', `/notifications?${query}`);
        expect(page.status).toBe(200);
        titles.push(...page.body.items.map((item: { title: string }) => item.title));
        totals.push(page.body.total);
        cursor = page.body.nextCursor;
      }
      return { titles, totals };
    };
    const all = await walk('');
    expect(all.titles).toEqual(await newestFirst('TRUE'));
    expect(all.titles).toHaveLength(40);
    expect(all.titles.slice(0, 2)).toEqual(['Chưa đọc 35', 'Chưa đọc 34']);
    expect(all.totals).toEqual([40, 40, 40]);
    // The bell's summary carries the cursor of the ones older than its latest 30.
    const { latest, olderCursor } = await summary('officer');
    const older = await client.get('officer', `/notifications?cursor=${olderCursor}`);
    expect([...latest, ...older.body.items].map((item) => item.title)).toEqual(all.titles);
    expect(older.body.nextCursor).toBeNull();
    // Exactly the latest 30: nothing older to offer; one more, and there is.
    await insertNotifications(db, 'unit_head', 'Thêm', 23);
    expect((await summary('unit_head')).olderCursor).toBeNull();
    await insertNotifications(db, 'unit_head', 'Một nữa', 1);
    expect((await summary('unit_head')).olderCursor).not.toBeNull();
    const unread = await walk('&unread=true');
    expect(unread.titles).toEqual(await newestFirst('read_at IS NULL'));
    expect(unread.titles).toHaveLength(34);
    expect(unread.totals).toEqual([34, 34, 34]);

    const first = await client.get('officer', '/notifications');
    expect(first.body).toMatchObject({ total: 40, totalCapped: false, page: 1, pageSize: 20 });
    expect(first.body.items).toHaveLength(20);
    expect((await client.get('officer', '/notifications?cursor=bm9wZQ')).body.message).toMatch(
      /^cursor không hợp lệ/,
    );
  });

  it(`counts up to ${COUNT_CAP} and then says "more"; at exactly ${COUNT_CAP} it is not capped`, async () => {
    await insertNotifications(db, 'chairman', 'Rất nhiều', COUNT_CAP + 1);

    const capped = await summary('chairman');
    expect({ unread: capped.unread, unreadCapped: capped.unreadCapped }).toEqual({
      unread: COUNT_CAP,
      unreadCapped: true,
    });
    expect(capped.latest).toHaveLength(30);

    await client.post('chairman', `/notifications/${capped.latest[0].id}/read`);
    const exact = await summary('chairman');
    expect({ unread: exact.unread, unreadCapped: exact.unreadCapped }).toEqual({
      unread: COUNT_CAP,
      unreadCapped: false,
    });
  });

  it('counts and lists a user’s unread ones from idx_notifications_unread, not every row of the user', async () => {
    // Most of a long-standing user's notifications are read.
    await insertNotifications(db, 'coordinator', 'Đã đọc', 300, { read: true });
    await insertNotifications(db, 'coordinator', 'Mới', 3);
    const coordinator = await userId('coordinator');
    const plans = [
      'SELECT 1 FROM notifications WHERE user_id = ? AND read_at IS NULL',
      'SELECT * FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 200',
    ];
    for (const sql of plans) {
      const [plan] = (await db.query(`EXPLAIN ${sql}`, [coordinator])) as {
        key: string;
        Extra: string;
      }[];
      expect({ sql, key: plan.key, sorts: plan.Extra.includes('filesort') }).toEqual({
        sql,
        key: 'idx_notifications_unread',
        sorts: false,
      });
    }
  });
});
