import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { entityColumns, hydrate } from '@cchc/common';
import { EvidenceFileEntity, ReformTaskEntity, UserEntity } from '@cchc/database';
import { ReformTaskContext, ReformTaskEvent } from '@cchc/domain';
import { auditHistory, HistoryEntry, InstanceRow, WorkflowEngine } from '@cchc/engine';
import { OrgService } from '@cchc/org';
import { allowedEvents } from '@cchc/workflows';
import { CreateTaskDto } from './dto/create-task.dto';
import { TaskEventDto } from './dto/task-event.dto';
import { reformTaskPersistence } from './reform-task.persistence';
import { TaskView, toTaskView } from './task-view';

export type { HistoryEntry } from '@cchc/engine';

/** A history entry; one whose event named evidence files lists them with their names. */
export type TaskHistoryEntry = HistoryEntry & { attachments?: { id: string; name: string }[] };

/** Reform tasks of a ward: create, find, move through their lifecycle, read their history. */
@Injectable()
export class TaskService {
  constructor(
    @InjectRepository(ReformTaskEntity) private readonly tasks: Repository<ReformTaskEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(EvidenceFileEntity)
    private readonly evidence: Repository<EvidenceFileEntity>,
    private readonly org: OrgService,
    private readonly engine: WorkflowEngine,
  ) {}

  async create(user: AuthUser, dto: CreateTaskDto): Promise<TaskView> {
    return this.get(user, await this.insert(user, dto));
  }

  /**
   * Creates a task and returns its id; with `manager`, inside the caller's transaction (a task
   * born of another record's transition, e.g. an inspection finding, is written with it).
   */
  async insert(user: AuthUser, dto: CreateTaskDto, manager?: EntityManager): Promise<string> {
    await this.checkUnits(user.wardId, [dto.leadUnitId], 'leadUnitId');
    await this.checkUnits(user.wardId, dto.coordinatingUnitIds ?? [], 'coordinatingUnitIds');
    if (dto.leaderId) await this.checkLeader(user.wardId, dto.leaderId);
    const id = randomUUID();
    const input = {
      leadUnitId: dto.leadUnitId,
      leaderId: dto.leaderId ?? null,
      dueDate: dto.dueDate ?? null,
    };
    await this.engine.create(
      reformTaskPersistence,
      {
        id,
        input,
        actor: actorOf(user),
        columns: {
          ward_id: user.wardId,
          title: dto.title,
          content: dto.content ?? dto.title,
          coordinating_unit_ids: JSON.stringify(dto.coordinatingUnitIds ?? []),
          product: dto.product ?? null,
          requirement: dto.requirement ?? null,
          created_by: user.id,
        },
        // What it was created with, so its values at a past cut-off can be rebuilt (task-history.ts).
        auditPayload: { title: dto.title, ...input },
      },
      manager,
    );
    return id;
  }

  async get(user: AuthUser, id: string): Promise<TaskView> {
    const task = await this.find(user, id);
    const { snapshot } = this.engine.restore(reformTaskPersistence, instanceRow(task));
    return toTaskView(
      task,
      allowedEvents(reformTaskPersistence.definition, snapshot, actorOf(user)),
    );
  }

  /**
   * Sends an event; the answer is built from the row read before and what the engine wrote. That
   * read also gives the engine its instance row (with the chain head), so the row is read once.
   */
  async sendEvent(user: AuthUser, id: string, dto: TaskEventDto): Promise<TaskView> {
    const { task, row } = await this.findWithHead(user, id);
    const named = dto.type === 'AMEND' ? (dto.changes ?? {}) : dto.type === 'REASSIGN' ? dto : {};
    if (named.leadUnitId) await this.checkUnits(user.wardId, [named.leadUnitId], 'leadUnitId');
    if (named.leaderId) await this.checkLeader(user.wardId, named.leaderId);
    if (dto.evidenceIds) await this.checkEvidence(id, dto.type, dto.evidenceIds);
    const { version, ...fields } = dto;
    const event = definedOnly(fields) as Omit<ReformTaskEvent, 'actor' | 'today'>;
    const result = await this.engine.send(
      reformTaskPersistence,
      id,
      event,
      actorOf(user),
      version,
      undefined,
      row,
    );
    return toTaskView(
      this.written(task, result.columns, result.snapshot.context),
      allowedEvents(reformTaskPersistence.definition, result.snapshot, actorOf(user)),
    );
  }

  async history(user: AuthUser, id: string): Promise<TaskHistoryEntry[]> {
    await this.find(user, id);
    const entries = await auditHistory(this.tasks.manager, reformTaskPersistence.instanceType, id);
    if (!entries.some((entry) => evidenceIdsOf(entry).length > 0)) return entries;
    const files = await this.evidence.find({
      select: { id: true, originalName: true },
      where: { taskId: id },
    });
    const names = new Map(files.map((file) => [file.id, file.originalName]));
    return entries.map((entry) => {
      const ids = evidenceIdsOf(entry);
      if (ids.length === 0) return entry;
      return {
        ...entry,
        attachments: ids.map((file) => ({ id: file, name: names.get(file) ?? '' })),
      };
    });
  }

  private async find(user: AuthUser, id: string): Promise<ReformTaskEntity> {
    const task = await this.tasks.findOne({ where: { id, wardId: user.wardId } });
    if (!task) throw new NotFoundException(`Không tìm thấy nhiệm vụ ${id}`);
    return task;
  }

  /**
   * The task in the user's ward, and the engine's instance row of it (see instanceRowSql), in one
   * plain statement: every transition over HTTP reads it.
   */
  private async findWithHead(
    user: AuthUser,
    id: string,
  ): Promise<{ task: ReformTaskEntity; row: InstanceRow }> {
    const { manager, metadata } = this.tasks;
    const [raw] = (await manager.query(
      `SELECT ${entityColumns(metadata, 'task')}, head.hash AS audit_hash, head.ward_id AS audit_ward_id
       FROM reform_tasks task
       LEFT JOIN audit_events head ON head.instance_id = task.id AND head.seq = task.version
       WHERE task.id = ? AND task.ward_id = ?`,
      [id, user.wardId],
    )) as (Record<string, unknown> & { audit_hash: string | null; audit_ward_id: string | null })[];
    if (!raw) throw new NotFoundException(`Không tìm thấy nhiệm vụ ${id}`);
    const task = hydrate<ReformTaskEntity>(manager, metadata, raw);
    const { audit_hash, audit_ward_id } = raw;
    return { task, row: { ...instanceRow(task), audit_hash, audit_ward_id } };
  }

  /**
   * The task as its row reads once `columns` (database names) were written to it and its snapshot
   * holds `context`: its virtual columns follow the snapshot.
   */
  private written(
    task: ReformTaskEntity,
    columns: Record<string, unknown>,
    context: ReformTaskContext,
  ): ReformTaskEntity {
    const next = { ...task, extensionRequest: context.extensionRequest };
    for (const [name, value] of Object.entries(columns))
      this.tasks.metadata.findColumnWithDatabaseName(name)?.setEntityValue(next, value);
    return next;
  }

  private async checkUnits(wardId: string, ids: string[], field: string): Promise<void> {
    const found = await this.org.unitsByIds(wardId, ids);
    const missing = ids.filter((id) => !found.some((unit) => unit.id === id));
    if (missing.length > 0) {
      throw new BadRequestException(`${field}: không có đơn vị ${missing.join(', ')} trong phường`);
    }
  }

  /** Evidence travels with a report only, and must be the task's own. */
  private async checkEvidence(taskId: string, type: string, ids: string[]): Promise<void> {
    if (type !== 'SUBMIT_REPORT') {
      throw new BadRequestException('evidenceIds: chỉ gửi kèm báo cáo (SUBMIT_REPORT)');
    }
    if (ids.length === 0) return;
    const found = await this.evidence.find({
      select: { id: true },
      where: { taskId, id: In(ids) },
    });
    const missing = ids.filter((id) => !found.some((file) => file.id === id));
    if (missing.length > 0) {
      throw new BadRequestException(
        `evidenceIds: tệp minh chứng ${missing.join(', ')} không thuộc nhiệm vụ này`,
      );
    }
  }

  private async checkLeader(wardId: string, leaderId: string): Promise<void> {
    const leader = await this.users.findOne({
      where: { id: leaderId, wardId, role: In(['leader', 'chairman']) },
    });
    if (!leader) {
      throw new BadRequestException(
        `leaderId: ${leaderId} không phải lãnh đạo (leader/chairman) của phường`,
      );
    }
  }
}

/** The engine's view of a task row read through the ORM. */
function instanceRow(task: ReformTaskEntity) {
  const { id, snapshot, version, machineVersion } = task;
  return { id, snapshot, version, machine_version: machineVersion };
}

function evidenceIdsOf(entry: HistoryEntry): string[] {
  const ids = entry.payload?.evidenceIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function definedOnly(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
