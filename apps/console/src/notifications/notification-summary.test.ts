import { describe, expect, it } from 'vitest';
import type { AppNotification, NotificationSummary } from '../api/types';
import { drawerItems, pagesWithRead, withRead } from './notification-summary';

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

  it('counts nothing less when the summary already shows it read (a poll came first)', () => {
    const polled = { ...summary(5), latest: [read] };
    expect(withRead(polled, read, older).unread).toBe(5);
  });

  it('shows it read in its page of older ones', () => {
    const pages = [{ items: [notification('y', null), older], nextCursor: null }];
    expect(pagesWithRead(pages, read)).toEqual([
      { items: [notification('y', null), read], nextCursor: null },
    ]);
  });
});

describe('drawerItems', () => {
  const at = (id: string, minute: number) =>
    ({
      ...notification(id, null),
      createdAt: `2026-03-02T02:${String(minute).padStart(2, '0')}:00.000Z`,
    }) as AppNotification;

  it('keeps what new notifications pushed out of the latest, each once, newest first', () => {
    // Shown when older ones were asked for: 9, 8 (latest), then the older page 7, 6; since, 10
    // came and the latest holds 10, 9 only: 8 is in neither the latest nor the older pages.
    const items = drawerItems(
      [at('10', 10), at('9', 9)],
      [at('9', 9), at('8', 8)],
      [at('7', 7), at('6', 6)],
    );
    expect(items.map((item) => item.id)).toEqual(['10', '9', '8', '7', '6']);
  });

  it('orders one instant by id as a number, the first copy winning', () => {
    const read = { ...at('10', 5), readAt: '2026-03-02T03:00:00.000Z' };
    const items = drawerItems([read, at('9', 5)], [at('10', 5), at('100', 5)]);
    expect(items.map((item) => [item.id, item.readAt])).toEqual([
      ['100', null],
      ['10', '2026-03-02T03:00:00.000Z'],
      ['9', null],
    ]);
  });
});
