// The API's answers, as its OpenAPI document describes them (schema.d.ts is generated from it
// by `npm run api:types`), under the names the console reads better than the DTO classes'.
import type { Role } from '@cchc/domain';
import type { components } from './schema';

export type { Role };

type Schemas = components['schemas'];

export type Me = Schemas['MeDto'];

export type Sla = Schemas['TaskSlaDto'];
/** A task with its SLA badge; `allowedEvents` only on GET /tasks/{id} and after an event. */
export type Task = Schemas['TaskWithSlaDto'];

export type HistoryEntry = Schemas['TaskHistoryEntryDto'];

/** One entry of an inbox section: a task, a dossier (with its slip) or an escalation. */
export type InboxItem = Schemas['InboxItemDto'];

export type PlanSummary = Schemas['PlanSummaryDto'];
export type PlanAreaView = Schemas['PlanAreaViewDto'];
/** A warning or error of a plan import; `row` is the source row, null for the plan as a whole. */
export type PlanProblem = Schemas['PlanProblemDto'];
export type PlanTaskPreview = Schemas['PlanTaskPreviewDto'];
export type PlanImportPreview = Schemas['ImportPreviewDto'];
export type PlanDiffView = Schemas['PlanDiffViewDto'];
/** `diff`: nothing written yet, confirm to apply; `amended`: applied. */
export type PlanAmendment = Schemas['PlanAmendmentDto'];
export type PlanImportOutcome = Schemas['PlanCreatedDto'] | PlanAmendment;

/** A notification of the signed-in user. */
export type AppNotification = Schemas['NotificationDto'];

/** GET /notifications: a page of them, newest first. */
export type NotificationPage = Schemas['NotificationPageDto'];

/** GET /notifications/summary: the unread count (capped) and the latest notifications. */
export type NotificationSummary = Schemas['NotificationSummaryDto'];

/** POST /tasks/bulk: what happened to each selected task. */
export type BulkTaskResult = Schemas['BulkTaskResult'];

/** GET /stats/tasks: on-time acceptance by unit, overdue by area, escalations of the month. */
export type TaskStats = Schemas['TaskStatsDto'];

/** GET /audit: one audited event, with the actor's name and the subject's label. */
export type AuditEntry = Schemas['AuditEntryDto'];

/** POST /audit/verify: intact, or the breaks found (the first is the one to name). */
export type AuditVerifyReport = Schemas['VerifyReportDto'];
