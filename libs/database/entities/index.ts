import { ApologySlipEntity } from './apology-slip.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { EscalationPolicyEntity } from './escalation-policy.entity';
import { EscalationEntity } from './escalation.entity';
import { EvidenceFileEntity } from './evidence-file.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { OutboxEntity } from './outbox.entity';
import { PlanAreaEntity } from './plan-area.entity';
import { PlanEntity } from './plan.entity';
import { ProcedureEntity } from './procedure.entity';
import { ReformTaskEntity } from './reform-task.entity';
import { TaskSearchTermEntity } from './task-search-term.entity';
import { TimerEntity } from './timer.entity';
import { TthcDossierEntity } from './tthc-dossier.entity';
import { UnitAliasEntity } from './unit-alias.entity';
import { UserEntity } from './user.entity';
import { WardEntity } from './ward.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';

export {
  ApologySlipEntity,
  AuditEventEntity,
  CalendarYearEntity,
  EscalationEntity,
  EscalationPolicyEntity,
  EvidenceFileEntity,
  NotificationEntity,
  OrgUnitEntity,
  OutboxEntity,
  PlanAreaEntity,
  PlanEntity,
  ProcedureEntity,
  ReformTaskEntity,
  TaskSearchTermEntity,
  TimerEntity,
  TthcDossierEntity,
  UnitAliasEntity,
  UserEntity,
  WardEntity,
  WebhookDeliveryEntity,
  WebhookEntity,
};

export const ENTITIES = [
  WardEntity,
  OrgUnitEntity,
  UserEntity,
  ReformTaskEntity,
  TaskSearchTermEntity,
  AuditEventEntity,
  OutboxEntity,
  NotificationEntity,
  CalendarYearEntity,
  PlanEntity,
  PlanAreaEntity,
  UnitAliasEntity,
  TimerEntity,
  EscalationEntity,
  EscalationPolicyEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  ProcedureEntity,
  TthcDossierEntity,
  ApologySlipEntity,
  EvidenceFileEntity,
];
