import { BadRequestException, Injectable } from '@nestjs/common';
import { ReadDatabase } from '@cchc/database';
import { auditSubjectLabel } from '@cchc/domain';
import { instantsOf } from './audit-range';
import { auditWorkbook } from './audit-workbook';
import { AuditEntryDto, AuditQuery } from './dto/audit-query.dto';

/** More rows than an inspection reads; a bigger export asks for a narrower filter. */
export const MAX_AUDIT_EXPORT_ROWS = 5_000;

interface EntryRow {
  id: string | number;
  instance_type: string;
  instance_id: string;
  seq: number;
  event_type: string;
  from_state: string | null;
  to_state: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_unit_id: string | null;
  actor_role: string;
  reason: string | null;
  payload: Record<string, unknown> | string | null;
  occurred_at: Date;
  hash: string;
}

/**
 * Who did what in a ward: every audited event (tasks, dossiers, plans, reports, campaigns,
 * log-ins and refused log-ins of the ward's accounts), filtered and keyset-paged newest first
 * along the (ward, time, id) index, from the read replica (it may be a moment behind).
 */
@Injectable()
export class AuditQueryService {
  constructor(private readonly reads: ReadDatabase) {}

  async page(
    wardId: string,
    query: AuditQuery,
  ): Promise<{ items: AuditEntryDto[]; nextCursor: string | null }> {
    const rows = await this.rows(wardId, query, query.limit + 1);
    const items = rows.slice(0, query.limit).map(entryOf);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit ? `${last.occurredAt.getTime()}.${last.id}` : null,
    };
  }

  /** Every entry the list would show with these filters, as an XLSX workbook. */
  async workbook(wardId: string, query: AuditQuery): Promise<Buffer> {
    const rows = await this.rows(wardId, query, MAX_AUDIT_EXPORT_ROWS + 1);
    if (rows.length > MAX_AUDIT_EXPORT_ROWS)
      throw new BadRequestException(
        `Có hơn ${MAX_AUDIT_EXPORT_ROWS} sự kiện, quá nhiều cho một tệp: hãy lọc bớt (from, to, actor, type)`,
      );
    return auditWorkbook(rows.map(entryOf));
  }

  private rows(wardId: string, query: AuditQuery, limit: number): Promise<EntryRow[]> {
    const where = ['a.ward_id = ?'];
    const params: unknown[] = [wardId];
    const add = (condition: string, ...values: unknown[]) => {
      where.push(condition);
      params.push(...values);
    };
    if (query.actor === 'system') add('a.actor_id IS NULL');
    else if (query.actor) add('a.actor_id = ?', query.actor);
    if (query.type) add('a.instance_type = ?', query.type);
    if (query.event) add('a.event_type = ?', query.event);
    if (query.unit) add('u.unit_id = ?', query.unit);
    const { from, to } = instantsOf(query.from, query.to);
    if (from) add('a.occurred_at >= ?', from);
    if (to) add('a.occurred_at <= ?', to);
    if (query.cursor) {
      const [ms, id] = query.cursor.split('.');
      const at = new Date(Number(ms));
      add('(a.occurred_at < ? OR (a.occurred_at = ? AND a.id < ?))', at, at, id);
    }
    return this.reads.run((manager) =>
      manager.query(
        'SELECT a.id, a.instance_type, a.instance_id, a.seq, a.event_type, a.from_state, ' +
          'a.to_state, a.actor_id, u.full_name AS actor_name, u.unit_id AS actor_unit_id, ' +
          'a.actor_role, a.reason, a.payload, a.occurred_at, a.hash FROM audit_events a ' +
          `LEFT JOIN users u ON u.id = a.actor_id WHERE ${where.join(' AND ')} ` +
          `ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${limit}`,
        params,
      ),
    );
  }
}

function entryOf(row: EntryRow): AuditEntryDto {
  return {
    id: String(row.id),
    instanceType: row.instance_type,
    instanceLabel: auditSubjectLabel(row.instance_type),
    instanceId: row.instance_id,
    seq: row.seq,
    eventType: row.event_type,
    fromState: row.from_state,
    toState: row.to_state,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    actorUnitId: row.actor_unit_id,
    reason: row.reason,
    payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    occurredAt: row.occurred_at,
    hash: row.hash,
  };
}
