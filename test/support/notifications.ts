import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Writes `count` notifications for `username` by SQL (as many as a test needs, faster than
 * reminders): titled `${title} 1…count`, one a second from 08:00 UTC on 2 March 2026, read or not.
 */
export async function insertNotifications(
  db: DataSource,
  username: string,
  title: string,
  count: number,
  { read = false }: { read?: boolean } = {},
): Promise<void> {
  const [user] = (await db.query('SELECT id FROM users WHERE username = ?', [username])) as {
    id: string;
  }[];
  const rows = Array.from({ length: count }, (_, i) => [
    user.id,
    `test:${title}:${i + 1}`,
    'task.reminder',
    'reform-task',
    randomUUID(),
    `${title} ${i + 1}`,
    '',
    new Date(Date.UTC(2026, 2, 2, 1, 0, i)),
    read ? new Date(Date.UTC(2026, 2, 2, 2, 0, 0)) : null,
  ]);
  await db.query(
    'INSERT INTO notifications (user_id, dedupe_key, topic, subject_type, subject_id, title, body, created_at, read_at) VALUES ' +
      rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', '),
    rows.flat(),
  );
}
