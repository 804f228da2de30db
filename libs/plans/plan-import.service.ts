import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { AuditLog, isDuplicateKey, WorkflowEngine } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import {
  createLeaderResolver,
  diffPlan,
  LeaderRecord,
  PlanDiff,
  PlanFile,
  PlanImportError,
  planImport,
  PlannedTask,
  PlanPreview,
  PlanProblem,
  taskKey,
} from '@cchc/plan-import';
import { toDiffView, PlanDiffView } from './plan-diff-view';
import {
  amendPlanTask,
  cancelPlanTask,
  createPlanTask,
  LiveTask,
  PlanWriteContext,
} from './plan-task-writes';
import { previewPlan } from './preview-plan';
import { UnitAliasService } from './unit-alias.service';

export interface ImportOptions {
  year?: number;
  /** Amend this plan, whatever number the file carries. */
  planId?: string;
  /** Apply the amendment of an already imported plan (otherwise only its diff is returned). */
  confirm?: boolean;
  /** Called after every task written, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export type ImportOutcome =
  | { status: 'created'; planId: string; areas: number; tasks: number; warnings: PlanProblem[] }
  | {
      /** `diff`: nothing written yet, confirm to apply; `amended`: applied. */
      status: 'diff' | 'amended';
      planId: string;
      revision: number;
      diff: PlanDiffView;
      warnings: PlanProblem[];
    };

interface PlanRow {
  id: string;
  number: string | null;
  title: string | null;
  revision: number;
}

/** Tasks an amendment leaves as they are: their outcome is history. */
const SETTLED = ['accepted', 'cancelled'];

const byRow = (a: PlanProblem, b: PlanProblem) => (a.row ?? 0) - (b.row ?? 0);

/**
 * Imports a ward's reform plan from the files wards have (DOCX, XLSX, CSV, pasted text): a
 * preview, then the plan and its tasks in one transaction; a plan imported before is amended
 * (diff first, then applied on confirmation) instead.
 */
@Injectable()
export class PlanImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly org: OrgService,
    private readonly aliases: UnitAliasService,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads the file and says what an import would do, with every error that would refuse it (so a
   * clean preview commits); throws PlanImportError on unreadable files.
   */
  async preview(wardId: string, file: PlanFile, year?: number): Promise<PlanPreview> {
    const { preview, planned, warnings } = await this.read(wardId, file, year);
    return { ...preview, warnings, errors: [...planned.errors].sort(byRow) };
  }

  async import(
    user: AuthUser,
    file: PlanFile,
    options: ImportOptions = {},
  ): Promise<ImportOutcome> {
    const { preview, planned, warnings } = await this.read(user.wardId, file, options.year);
    if (planned.errors.length > 0) throw new PlanImportError(planned.errors);
    const existing = await this.existingPlan(user.wardId, preview.plan, options.planId);
    const write = (manager: EntityManager, planId: string): PlanWriteContext => ({
      engine: this.engine,
      manager,
      planId,
      wardId: user.wardId,
      actor: actorOf(user),
      fileName: file.fileName,
    });
    if (!existing) {
      const planId = randomUUID();
      await this.dataSource
        .transaction((manager) =>
          this.create(write(manager, planId), preview, planned.tasks, options),
        )
        .catch((error: unknown) => {
          if (isDuplicateKey(error, 'uq_plans_ward_year_number'))
            throw new ConflictException(`Kế hoạch số ${preview.plan.number} vừa được nhập.`);
          throw error;
        });
      return {
        status: 'created',
        planId,
        areas: preview.areas.length,
        tasks: planned.tasks.length,
        warnings,
      };
    }
    if (!options.confirm) {
      const diff = diffPlan(
        await this.storedTasks(this.dataSource.manager, existing.id),
        planned.tasks,
      );
      return {
        status: 'diff',
        planId: existing.id,
        revision: existing.revision,
        diff: toDiffView(diff),
        warnings,
      };
    }
    return this.dataSource.transaction(async (manager) => {
      const { diff, skipped, revision } = await this.amend(
        write(manager, existing.id),
        existing,
        preview,
        planned.tasks,
        options,
      );
      return {
        status: 'amended' as const,
        planId: existing.id,
        revision,
        diff: toDiffView(diff),
        warnings: [...warnings, ...skipped],
      };
    });
  }

  private async create(
    write: PlanWriteContext,
    preview: PlanPreview,
    tasks: PlannedTask[],
    options: ImportOptions,
  ): Promise<void> {
    const now = this.clock.now();
    await write.manager.query(
      'INSERT INTO plans (id, ward_id, number, title, year, issued_on, source_file, revision, created_by, created_at, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
      [
        write.planId,
        write.wardId,
        preview.plan.number,
        preview.plan.title?.slice(0, 500) ?? null,
        preview.plan.year,
        preview.plan.issueDate,
        write.fileName.slice(0, 255),
        write.actor.kind === 'user' ? write.actor.userId : null,
        now,
        now,
      ],
    );
    await this.saveAreas(write, preview);
    const ids = new Map<string, string>();
    for (const [index, task] of tasks.entries()) {
      const parentId = task.parentKey ? (ids.get(task.parentKey) ?? null) : null;
      ids.set(task.key, await createPlanTask(write, task, parentId));
      options.onProgress?.(index + 1, tasks.length);
    }
    await this.audit(write, 'IMPORTED', {
      fileName: write.fileName,
      number: preview.plan.number,
      year: preview.plan.year,
      areas: preview.areas.length,
      tasks: tasks.length,
    });
  }

  /**
   * Applies an amended version: new rows become tasks, changed rows AMEND their task, tasks
   * whose rows are gone are cancelled (never deleted). Settled tasks are left as they are.
   */
  private async amend(
    write: PlanWriteContext,
    plan: PlanRow,
    preview: PlanPreview,
    tasks: PlannedTask[],
    options: ImportOptions,
  ): Promise<{ diff: PlanDiff; skipped: PlanProblem[]; revision: number }> {
    const locked = (await write.manager.query(
      'SELECT revision FROM plans WHERE id = ? FOR UPDATE',
      [plan.id],
    )) as { revision: number }[];
    const revision = locked[0].revision + 1;
    const stored = await this.storedTasks(write.manager, plan.id, true);
    const diff = diffPlan(stored, tasks);
    const reason = `Điều chỉnh kế hoạch ${plan.number ?? plan.title ?? ''} theo tệp ${write.fileName}`;
    const skipped: PlanProblem[] = [];
    const idOf = new Map(stored.map((task) => [task.key, task.id]));
    const total = diff.added.length + diff.changed.length + diff.removed.length;
    let done = 0;
    const progressed = () => options.onProgress?.((done += 1), total);
    for (const task of diff.added) {
      const parentId = task.parentKey ? (idOf.get(task.parentKey) ?? null) : null;
      idOf.set(task.key, await createPlanTask(write, task, parentId));
      progressed();
    }
    const leftAlone = (task: LiveTask, what: string) => {
      const label = task.state === 'accepted' ? 'đã nghiệm thu' : 'đã hủy';
      skipped.push({
        row: null,
        field: null,
        message: `Nhiệm vụ ${task.area ?? ''} ${task.ordinal} ${label}; không ${what}.`,
      });
    };
    for (const change of diff.changed) {
      const live = change.task as LiveTask;
      if (SETTLED.includes(live.state)) leftAlone(live, 'điều chỉnh theo kế hoạch mới');
      else await amendPlanTask(write, change, live, reason);
      progressed();
    }
    for (const task of diff.removed as LiveTask[]) {
      if (SETTLED.includes(task.state))
        leftAlone(task, 'hủy dù kế hoạch mới không còn nhiệm vụ này');
      else await cancelPlanTask(write, task, `${reason}: nhiệm vụ không còn trong kế hoạch`);
      progressed();
    }
    await write.manager.query(
      'UPDATE plans SET title = ?, year = ?, issued_on = ?, source_file = ?, revision = ?, updated_at = ? WHERE id = ?',
      [
        preview.plan.title?.slice(0, 500) ?? plan.title,
        preview.plan.year,
        preview.plan.issueDate,
        write.fileName.slice(0, 255),
        revision,
        this.clock.now(),
        plan.id,
      ],
    );
    await this.saveAreas(write, preview);
    await this.audit(write, 'AMENDED', {
      fileName: write.fileName,
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      skipped: skipped.length,
    });
    return { diff, skipped, revision };
  }

  private async saveAreas(write: PlanWriteContext, preview: PlanPreview): Promise<void> {
    if (preview.areas.length === 0) return;
    await write.manager.query(
      `INSERT INTO plan_areas (plan_id, code, title, position) VALUES ${preview.areas
        .map(() => '(?, ?, ?, ?)')
        .join(', ')} ON DUPLICATE KEY UPDATE title = VALUES(title), position = VALUES(position)`,
      preview.areas.flatMap((area, index) => [
        write.planId,
        area.code,
        area.title.slice(0, 500),
        index + 1,
      ]),
    );
  }

  /** The import itself is part of the plan's history (instance type 'plan'). */
  private async audit(
    write: PlanWriteContext,
    eventType: 'IMPORTED' | 'AMENDED',
    payload: Record<string, unknown>,
  ): Promise<void> {
    await AuditLog.append(write.manager, {
      instanceType: 'plan',
      instanceId: write.planId,
      eventType,
      fromState: eventType === 'IMPORTED' ? null : 'active',
      toState: 'active',
      actor: write.actor,
      reason: null,
      payload,
      occurredAt: this.clock.now(),
    });
  }

  private async existingPlan(
    wardId: string,
    { number, year }: PlanPreview['plan'],
    planId?: string,
  ): Promise<PlanRow | null> {
    if (planId) {
      const [plan] = (await this.dataSource.query(
        'SELECT id, number, title, revision FROM plans WHERE id = ? AND ward_id = ?',
        [planId, wardId],
      )) as PlanRow[];
      if (!plan) throw new NotFoundException(`Không tìm thấy kế hoạch ${planId} trong phường`);
      return plan;
    }
    if (number === null) return null;
    const [plan] = (await this.dataSource.query(
      'SELECT id, number, title, revision FROM plans WHERE ward_id = ? AND year = ? AND number = ?',
      [wardId, year, number],
    )) as PlanRow[];
    return plan ?? null;
  }

  private async storedTasks(
    manager: EntityManager,
    planId: string,
    forUpdate = false,
  ): Promise<LiveTask[]> {
    const rows = (await manager.query(
      'SELECT id, area_code, ordinal, state, title, content, requirement, product, lead_unit_raw, ' +
        'coordinating_raw, leader_raw, deadline_raw, version, lead_unit_id, leader_id ' +
        `FROM reform_tasks WHERE plan_id = ? ORDER BY source_row${forUpdate ? ' FOR UPDATE' : ''}`,
      [planId],
    )) as Record<string, string | number | null>[];
    return rows.map((row) => ({
      id: String(row.id),
      key: taskKey(row.area_code as string | null, String(row.ordinal)),
      state: String(row.state),
      area: row.area_code as string | null,
      ordinal: String(row.ordinal),
      title: String(row.title),
      content: String(row.content),
      requirement: row.requirement as string | null,
      product: row.product as string | null,
      leadUnitRaw: row.lead_unit_raw as string | null,
      coordinatingRaw: row.coordinating_raw as string | null,
      leaderRaw: row.leader_raw as string | null,
      deadlineRaw: row.deadline_raw as string | null,
      version: Number(row.version),
      leadUnitId: String(row.lead_unit_id),
      leaderId: row.leader_id as string | null,
    }));
  }

  /** The file's preview and the tasks an import would write, with every warning of both. */
  private async read(wardId: string, file: PlanFile, year?: number) {
    const preview = await previewPlan({
      file,
      units: await this.org.listUnits(wardId),
      aliases: await this.aliases.list(wardId),
      year,
    });
    const planned = planImport(preview, createLeaderResolver(await this.leaders(wardId)));
    return { preview, planned, warnings: [...preview.warnings, ...planned.warnings].sort(byRow) };
  }

  private async leaders(wardId: string): Promise<LeaderRecord[]> {
    const users = await this.org.listUsers(wardId);
    return users.flatMap((user) =>
      user.role === 'chairman' || user.role === 'leader'
        ? [{ id: user.id, fullName: user.fullName, role: user.role }]
        : [],
    );
  }
}
