import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { SettledEffect, SYSTEM_ACTOR } from '@cchc/domain';
import { WorkflowEngine } from '@cchc/engine';
import { markOutboxProcessed, OutboxJobData } from '@cchc/queue';
import { reformTaskPersistence } from '@cchc/tasks';

/** The data of a `settled` job: a task reached `accepted` or `cancelled`. */
export interface SettledJobData extends OutboxJobData, SettledEffect {
  instanceId: string;
  seq: number;
}

export type GroupOutcome = 'no-parent' | 'waiting' | 'completed' | 'already-settled';

const OPEN_STATES = ['assigned', 'inProgress', 'reported', 'overdue'];
const SETTLED_STATES = ['accepted', 'cancelled'];

/**
 * A group task (a plan row whose ordinal has children) is accepted by the system once every
 * child is settled and at least one was accepted; it is late when an accepted child was.
 */
@Injectable()
export class GroupCompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly clock: Clock,
  ) {}

  /**
   * Idempotent: the parent row is locked, and a parent no longer open is left alone, so a
   * repeated or concurrent job completes it once; a lost race (StaleVersionError) is retried.
   */
  async onSettled(job: SettledJobData): Promise<GroupOutcome> {
    // The engine writes this job only for a task with a parent, set when it is created and never
    // changed (JobRoute.onlyIf); a row written before that may still name one without: it needs
    // no transaction, its row is marked done by one statement.
    const [child] = (await this.dataSource.query(
      'SELECT parent_id, ward_id FROM reform_tasks WHERE id = ?',
      [job.instanceId],
    )) as { parent_id: string | null; ward_id: string }[];
    if (!child?.parent_id) {
      await markOutboxProcessed(this.dataSource.manager, job.outboxId, this.clock.now());
      return 'no-parent';
    }
    const parentId = child.parent_id;
    return this.dataSource.transaction(async (manager) => {
      let outcome: GroupOutcome;
      // A group and its children are of one ward. Locked before anything is read, so this
      // transaction's snapshot is taken after the locks.
      await this.engine.lockRow(manager, reformTaskPersistence, parentId, child.ward_id);
      const [parent] = (await manager.query(
        'SELECT id, state, version FROM reform_tasks WHERE id = ?',
        [parentId],
      )) as { id: string; state: string; version: number }[];
      const children = (await manager.query(
        'SELECT state, late FROM reform_tasks WHERE parent_id = ? FOR UPDATE',
        [parent.id],
      )) as { state: string; late: number }[];
      const accepted = children.filter((row) => row.state === 'accepted');
      if (!OPEN_STATES.includes(parent.state)) outcome = 'already-settled';
      else if (!children.every((row) => SETTLED_STATES.includes(row.state)) || !accepted.length)
        outcome = 'waiting';
      else {
        const event = {
          type: 'CHILDREN_COMPLETED' as const,
          late: accepted.some((row) => Boolean(row.late)),
        };
        await this.engine.send(
          reformTaskPersistence,
          parent.id,
          event,
          SYSTEM_ACTOR,
          parent.version,
          manager,
        );
        outcome = 'completed';
      }
      await markOutboxProcessed(manager, job.outboxId, this.clock.now());
      return outcome;
    });
  }
}
