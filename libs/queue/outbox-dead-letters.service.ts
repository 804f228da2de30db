import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface DeadLetter {
  id: string;
  queue: string;
  jobName: string;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

interface DeadLetterRow {
  id: string;
  queue: string;
  job_name: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  dead_at: Date;
}

const LIST_LIMIT = 500;

/** Outbox rows whose job failed every attempt, and their retry (the relay sends them again). */
@Injectable()
export class OutboxDeadLetters {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The most recent dead letters first. */
  async list(): Promise<DeadLetter[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, queue, job_name, payload, attempts, last_error, created_at, dead_at FROM outbox
       WHERE processed_at IS NULL AND dead_at IS NOT NULL ORDER BY dead_at DESC, id DESC
       LIMIT ${LIST_LIMIT}`,
    )) as DeadLetterRow[];
    return rows.map((row) => ({
      id: String(row.id),
      queue: row.queue,
      jobName: row.job_name,
      payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      deadAt: row.dead_at,
    }));
  }

  /**
   * Gives dead letters (the given ids, or all) a fresh set of attempts; the relay sends them at
   * its next turn. Returns the ids retried: an id that is not a dead letter is left out.
   */
  async retry(ids: string[] | 'all'): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const filter = ids === 'all' ? '' : 'AND id IN (?)';
      if (ids !== 'all' && ids.length === 0) return [];
      const rows = (await manager.query(
        `SELECT id FROM outbox WHERE processed_at IS NULL AND dead_at IS NOT NULL ${filter} FOR UPDATE`,
        ids === 'all' ? [] : [ids],
      )) as { id: string }[];
      if (rows.length === 0) return [];
      const retried = rows.map((row) => String(row.id));
      await manager.query(
        'UPDATE outbox SET dead_at = NULL, attempts = 0, relayed_at = NULL WHERE id IN (?)',
        [retried],
      );
      return retried;
    });
  }
}
