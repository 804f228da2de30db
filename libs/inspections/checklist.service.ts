import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { RecordedAuditEvent } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { ChecklistTopic, DEFAULT_CHECKLIST } from './checklist';
import { ChecklistTemplateDto, ChecklistTemplateView } from './dto/checklist.dto';

/** A ward's checklist template: its own once written, else the shipped default. */
@Injectable()
export class ChecklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(wardId: string, manager?: EntityManager): Promise<ChecklistTemplateView> {
    const rows = (await (manager ?? this.dataSource).query(
      'SELECT topics FROM inspection_checklists WHERE ward_id = ?',
      [wardId],
    )) as { topics: ChecklistTopic[] | string }[];
    if (rows.length === 0) return { topics: [...DEFAULT_CHECKLIST], source: 'default' };
    const topics = rows[0].topics;
    return { topics: typeof topics === 'string' ? JSON.parse(topics) : topics, source: 'ward' };
  }

  async put(user: AuthUser, dto: ChecklistTemplateDto): Promise<ChecklistTemplateView> {
    const seen = new Set<string>();
    dto.topics.forEach((topic, index) => {
      if (seen.has(topic.code)) {
        // Named as the validation pipe names a field, so the console shows it beside that field.
        const field = `topics.${index}.code`;
        const message = `mã ${topic.code} bị trùng`;
        throw new BadRequestException({
          error: 'ValidationFailed',
          message: `topics[${index}].code: ${message}`,
          fields: [{ field, message }],
        });
      }
      seen.add(topic.code);
    });
    const topics = dto.topics.map(({ code, title }) => ({ code, title: title.trim() }));
    await this.write(user, 'CHECKLIST_REPLACED', 'edited', topics, (manager, now) =>
      manager.query(
        `INSERT INTO inspection_checklists (ward_id, topics, updated_by, updated_at)
         VALUES (?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE topics = VALUES(topics), updated_by = VALUES(updated_by),
                                 updated_at = VALUES(updated_at)`,
        [user.wardId, JSON.stringify(topics), user.id, now],
      ),
    );
    return { topics, source: 'ward' };
  }

  /** Back to the shipped default: the ward's own list is dropped (campaigns keep their copies). */
  async reset(user: AuthUser): Promise<ChecklistTemplateView> {
    const topics = [...DEFAULT_CHECKLIST];
    await this.write(user, 'CHECKLIST_RESET', 'default', topics, (manager) =>
      manager.query('DELETE FROM inspection_checklists WHERE ward_id = ?', [user.wardId]),
    );
    return { topics, source: 'default' };
  }

  /** One change of the ward's list and its audit event (the list before and after), together. */
  private async write(
    user: AuthUser,
    eventType: RecordedAuditEvent,
    toState: string,
    topics: ChecklistTopic[],
    change: (manager: EntityManager, now: Date) => Promise<unknown>,
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const previous = await this.get(user.wardId, manager);
      await change(manager, now);
      await AuditLog.append(manager, {
        instanceType: 'inspection-checklist',
        instanceId: user.wardId,
        eventType,
        fromState: null,
        toState,
        actor: actorOf(user),
        reason: null,
        payload: { previous: previous.topics, topics },
        occurredAt: now,
      });
    });
  }
}
