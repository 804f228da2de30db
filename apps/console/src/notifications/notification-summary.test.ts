import { describe, expect, it } from 'vitest';
import type { AppNotification, NotificationSummary } from '../api/types';
import { pagesWithRead, withRead } from './notification-summary';

const notification = (id: string, readAt: string | null): AppNotification =>
  ({
    id,
    topic: 'task.reminder',
    subjectType: 'reform-task',
    subjectId: 't1',
    title: `Nhắc việc ${id}`,
    body: '',
    createdAt: '2026-03-02T02:00:00.000Z',
    readAt,
  }) as AppNotification;

const summary = (unread: number, unreadCapped = false): NotificationSummary => ({
  unread,
  unreadCapped,
  latest: [notification('a', null), notification('b', '2026-03-02T03:00:00.000Z')],
  olderCursor: 'WyIyMDI2LTAzLTAyVDAyOjAwOjAwLjAwMFoiLCJiIl0',
});

describe('withRead', () => {
  const read = notification('a', '2026-03-02T04:00:00.000Z');

  it('counts one unread less and shows the notification read', () => {
    const next = withRead(summary(2), read);
    expect(next.unread).toBe(1);
    expect(next.latest.map((item) => [item.id, item.readAt])).toEqual([
      ['a', '2026-03-02T04:00:00.000Z'],
      ['b', '2026-03-02T03:00:00.000Z'],
    ]);
  });

  it('leaves the count of one already read, and of a capped count', () => {
    expect(withRead(summary(2), notification('b', '2026-03-02T05:00:00.000Z')).unread).toBe(2);
    expect(withRead(summary(1000, true), read)).toMatchObject({ unread: 1000, unreadCapped: true });
  });
});

describe('withRead of an older notification', () => {
  const older = notification('z', null);
  const read = notification('z', '2026-03-02T04:00:00.000Z');

  it('counts one unread less though the latest do not hold it, and leaves them as they were', () => {
    const next = withRead(summary(5), read, older);
    expect(next.unread).toBe(4);
    expect(next.latest).toEqual(summary(5).latest);
  });

  it('shows it read in its page of older ones', () => {
    const pages = [{ items: [notification('y', null), older], nextCursor: null }];
    expect(pagesWithRead(pages, read)).toEqual([
      { items: [notification('y', null), read], nextCursor: null },
    ]);
  });
});
