import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { IsoDate, PlanKind, PlanKindSuggestion, suggestPlanKind } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import {
  createLeaderResolver,
  diffPlan,
  importWrites,
  LeaderRecord,
  LeaderRule,
  PlanFile,
  PlanImportError,
  planContentHash,
  planImport,
  PlannedTask,
  PlanPreview,
  PlanProblem,
} from '@cchc/plan-import';
import { LeaderAssignmentService } from './leader-assignment.service';
import { toDiffView, PlanDiffView } from './plan-diff-view';
import { amendPlan, findPlan, insertPlan, PlanVersion, storedTasks } from './plan-records';
import { PlanWriteContext } from './plan-task-writes';
import { previewPlan } from './preview-plan';
import { UnitAliasService } from './unit-alias.service';
import { UnitGroupService } from './unit-group.service';

export interface ImportOptions {
  year?: number;
  /** Amend this plan, whatever number the file carries. */
  planId?: string;
  /** Apply the amendment of an already imported plan (otherwise only its diff is returned). */
  confirm?: boolean;
  /** What the plan is; a new plan is a `reform` plan unless told, an amended one keeps its kind. */
  kind?: PlanKind;
  /** Called after every task written, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export type ImportOutcome =
  | { status: 'created'; planId: string; areas: number; tasks: number; warnings: PlanProblem[] }
  | {
      /** `diff`: nothing written yet, confirm to apply (empty: the plan is as imported); `amended`: applied. */
      status: 'diff' | 'amended';
      planId: string;
      revision: number;
      diff: PlanDiffView;
      warnings: PlanProblem[];
    };

/** Who imports: their ward, and their unit, which takes rows that name no lead unit. */
export type Importer = Pick<AuthUser, 'wardId' | 'unitId'>;

/** What the import would write for one row (group rows add one child per unit). */
export interface PlannedTaskView {
  key: string;
  parentKey: string | null;
  sourceRow: number;
  ordinal: string;
  isGroup: boolean;
  leadUnitId: string;
  leaderId: string | null;
  /** Which rule gave the leader: the plan's column, the unit's or the area's leader, none. */
  leaderRule: LeaderRule;
  /** Its due date as the deadline cell reads (null: no deadline). */
  dueDate: IsoDate | null;
}

/** The plan an import of the file would amend instead of creating one. */
export interface MatchedPlan {
  id: string;
  /** Kept on amendment unless the import is sent another `kind`. */
  kind: PlanKind;
}

export interface ImportPreview extends PlanPreview {
  plannedTasks: PlannedTaskView[];
  /** The kind the plan's title suggests; the import is told it (`kind`), it never guesses. */
  suggestedKind: PlanKindSuggestion;
  /** The plan imported before (`planId`, same number and year, or same content), else null. */
  matchedPlan: MatchedPlan | null;
  /** The server's day (Vietnam) the due dates were judged by. */
  today: IsoDate;
  /**
   * Tasks the import would create: every planned task of a new plan (group rows split per unit
   * included, so more than the table's rows), the added ones when it amends `matchedPlan`.
   */
  tasksToCreate: number;
  /**
   * Of the tasks created (and, amending, those still waiting whose deadline the file moves), how
   * many are already past their due date on `today`: overdue as soon as they are written.
   */
  overdueOnImport: number;
}

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
    private readonly groups: UnitGroupService,
    private readonly leaderAssignments: LeaderAssignmentService,
    private readonly clock: Clock,
  ) {}

  /**
   * Reads the file and says what an import would do, with every error that would refuse it (so a
   * clean preview commits); throws PlanImportError on unreadable files.
   */
  async preview(
    importer: Importer,
    file: PlanFile,
    options: Pick<ImportOptions, 'year' | 'planId'> = {},
  ): Promise<ImportPreview> {
    const { preview, planned, warnings } = await this.read(importer, file, options.year);
    const version = { preview, contentHash: this.contentHash(preview, planned.tasks) };
    const manager = this.dataSource.manager;
    const matched = await findPlan(manager, importer.wardId, version, options.planId);
    // Judged by the server's day, as the worker will judge the tasks once written.
    const today = this.engine.today();
    const writes = importWrites(
      planned.tasks,
      today,
      matched ? diffPlan(await storedTasks(manager, matched.id), planned.tasks) : undefined,
    );
    return {
      ...preview,
      warnings,
      errors: [...planned.errors].sort(byRow),
      suggestedKind: suggestPlanKind(preview.plan.title),
      matchedPlan: matched && { id: matched.id, kind: matched.kind },
      plannedTasks: planned.tasks.map((task) => ({
        key: task.key,
        parentKey: task.parentKey,
        sourceRow: task.sourceRow,
        ordinal: task.ordinal,
        isGroup: task.isGroup,
        leadUnitId: task.leadUnitId,
        leaderId: task.leaderId,
        leaderRule: task.leaderRule,
        dueDate: task.dueDate,
      })),
      today,
      tasksToCreate: writes.created.length,
      overdueOnImport: writes.pastDue.length,
    };
  }

  /**
   * Imports of one ward run one at a time (the ward row is locked first), so the same file
   * sent twice, or twenty times at once, makes one plan: the others find it and get its diff.
   */
  async import(
    user: AuthUser,
    file: PlanFile,
    options: ImportOptions = {},
  ): Promise<ImportOutcome> {
    const { preview, narrative, planned, warnings } = await this.read(user, file, options.year);
    if (planned.errors.length > 0) throw new PlanImportError(planned.errors);
    const version: PlanVersion = {
      preview,
      narrative,
      tasks: planned.tasks,
      contentHash: this.contentHash(preview, planned.tasks),
      kind: options.kind,
      now: this.clock.now(),
      onProgress: options.onProgress,
    };
    return this.dataSource.transaction(async (manager): Promise<ImportOutcome> => {
      await manager.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [user.wardId]);
      const existing = await findPlan(manager, user.wardId, version, options.planId);
      const write = this.writeContext(manager, user, existing?.id ?? randomUUID(), file);
      if (!existing) {
        await insertPlan(write, version);
        const tasks = planned.tasks.length;
        return {
          status: 'created',
          planId: write.planId,
          areas: preview.areas.length,
          tasks,
          warnings,
        };
      }
      // Shown before it is applied, and applied only when sent: omitted, the stored kind stays.
      const kind = { before: existing.kind, after: options.kind ?? existing.kind };
      if (!options.confirm) {
        const diff = diffPlan(await storedTasks(manager, existing.id), planned.tasks);
        const revision = existing.revision;
        const view = toDiffView(diff, kind);
        return { status: 'diff', planId: existing.id, revision, diff: view, warnings };
      }
      const { diff, skipped, revision } = await amendPlan(write, existing, version);
      return {
        status: 'amended',
        planId: existing.id,
        revision,
        diff: toDiffView(diff, kind),
        warnings: [...warnings, ...skipped],
      };
    });
  }

  private writeContext(
    manager: EntityManager,
    user: AuthUser,
    planId: string,
    file: PlanFile,
  ): PlanWriteContext {
    return {
      engine: this.engine,
      manager,
      planId,
      wardId: user.wardId,
      actor: actorOf(user),
      fileName: file.fileName,
    };
  }

  /** Identifies a plan without a number; null when it has one. */
  private contentHash(preview: PlanPreview, tasks: PlannedTask[]): string | null {
    return preview.plan.number === null ? planContentHash(preview.plan, tasks) : null;
  }

  /** The file's preview and the tasks an import would write, with every warning of both. */
  private async read(importer: Importer, file: PlanFile, year?: number) {
    const { wardId } = importer;
    const { preview, narrative } = await previewPlan({
      file,
      units: await this.org.listUnits(wardId),
      aliases: await this.aliases.list(wardId),
      year,
    });
    const planned = planImport(preview, {
      resolveLeader: createLeaderResolver(await this.leaders(wardId)),
      assignedLeader: await this.leaderAssignments.assignedLeaderOf(wardId),
      groupMembers: await this.groups.membersOf(wardId),
      fallbackUnitId: importer.unitId,
    });
    const warnings = [...preview.warnings, ...planned.warnings].sort(byRow);
    return { preview, narrative, planned, warnings };
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
