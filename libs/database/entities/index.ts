import { AuditEventEntity } from './audit-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { OutboxEntity } from './outbox.entity';
import { ReformTaskEntity } from './reform-task.entity';
import { UserEntity } from './user.entity';
import { WardEntity } from './ward.entity';

export {
  AuditEventEntity,
  CalendarYearEntity,
  NotificationEntity,
  OrgUnitEntity,
  OutboxEntity,
  ReformTaskEntity,
  UserEntity,
  WardEntity,
};

export const ENTITIES = [
  WardEntity,
  OrgUnitEntity,
  UserEntity,
  ReformTaskEntity,
  AuditEventEntity,
  OutboxEntity,
  NotificationEntity,
  CalendarYearEntity,
];
