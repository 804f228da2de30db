import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { InspectionCampaignEvent } from '@cchc/domain';
import { TransitionResult, WorkflowEngine } from '@cchc/engine';
import { InspectionCampaignMachine } from '@cchc/workflows';
import { ChecklistTopic } from './checklist';
import { inspectionCampaignPersistence } from './campaign.persistence';
import { inspectionScope, visibleVisitSql } from './inspection-scope';

export interface CampaignRow {
  id: string;
  ward_id: string;
  title: string;
  decision_number: string;
  decision_date: string;
  kind: string;
  year: number;
  head_id: string;
  checklist: ChecklistTopic[];
  state: string;
  notice_number: string | null;
  concluded_on: string | null;
  version: number;
}

/** An event as the service builds it; extra fields (checklist results, finding text) are audited. */
export type CampaignEventInput = Omit<InspectionCampaignEvent, 'actor' | 'today'> &
  Record<string, unknown>;
type Transition = TransitionResult<InspectionCampaignMachine>;

/**
 * Reads campaigns a user may see and applies transitions: each is one transaction holding the
 * engine's write (snapshot, audit event) and the rows the caller mirrors from it.
 */
@Injectable()
export class CampaignStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
  ) {}

  /** The campaign, if the user's scope shows at least one of its visits; 404 otherwise. */
  async find(user: AuthUser, id: string, manager?: EntityManager): Promise<CampaignRow> {
    const [visible, params] = visibleVisitSql(inspectionScope(user), 'v');
    const rows = (await (manager ?? this.dataSource).query(
      `SELECT c.id, c.ward_id, c.title, c.decision_number,
              DATE_FORMAT(c.decision_date, '%Y-%m-%d') AS decision_date, c.kind, c.year, c.head_id,
              c.checklist, c.state, c.notice_number,
              DATE_FORMAT(c.concluded_on, '%Y-%m-%d') AS concluded_on, c.version
         FROM inspection_campaigns c
        WHERE c.id = ? AND c.ward_id = ?
          AND EXISTS (SELECT 1 FROM inspection_visits v WHERE v.campaign_id = c.id AND ${visible})`,
      [id, user.wardId, ...params],
    )) as CampaignRow[];
    if (rows.length === 0) throw new NotFoundException(`Không tìm thấy đợt kiểm tra ${id}`);
    const row = rows[0];
    return {
      ...row,
      checklist: typeof row.checklist === 'string' ? JSON.parse(row.checklist) : row.checklist,
    };
  }

  /**
   * Sends `event` to the campaign the user saw at `version`; `mirror` writes, in the same
   * transaction, what the transition changes outside the snapshot (visit rows, findings). An
   * event given as a function is built inside the transaction (it may write first, e.g. a task).
   */
  async apply(
    user: AuthUser,
    id: string,
    version: number,
    event: CampaignEventInput | ((manager: EntityManager) => Promise<CampaignEventInput>),
    mirror?: (manager: EntityManager, result: Transition) => Promise<void>,
  ): Promise<Transition> {
    return this.dataSource.transaction(async (manager) => {
      await this.find(user, id, manager);
      const result = await this.engine.send(
        inspectionCampaignPersistence,
        id,
        (typeof event === 'function' ? await event(manager) : event) as Parameters<
          WorkflowEngine['send']
        >[2],
        actorOf(user),
        version,
        manager,
      );
      if (mirror) await mirror(manager, result);
      return result;
    });
  }

  /** Copies a visit's state and dates from the snapshot to its row. */
  async mirrorVisit(manager: EntityManager, result: Transition, unitId: string): Promise<void> {
    const visit = result.snapshot.context.visits[unitId];
    await manager.query(
      `UPDATE inspection_visits SET state = ?, started_on = ?, done_on = ?
        WHERE campaign_id = ? AND unit_id = ?`,
      [visit.state, visit.startedOn, visit.doneOn, result.id, unitId],
    );
  }
}
