import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { TaskService } from '@cchc/tasks';
import { CampaignStore } from './campaign-store';
import { CampaignService } from './campaign.service';
import {
  AssignRemediationDto,
  ConcludeDto,
  ReasonDto,
  RecordFindingDto,
  VersionDto,
} from './dto/campaign-commands.dto';
import { CampaignView } from './dto/campaign-views.dto';

/**
 * Findings and the end of a campaign: each finding becomes a remediation task (created by the
 * task service in the campaign's transaction) or goes to the chairman; the chairman signs the
 * conclusion; the campaign closes once every finding is settled — its task accepted, or closed
 * by the chairman — which is counted at CLOSE from the tasks themselves, so nothing has to be
 * kept in step when a task moves.
 */
@Injectable()
export class FindingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: CampaignStore,
    private readonly campaigns: CampaignService,
    private readonly tasks: TaskService,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthUser, id: string, dto: RecordFindingDto): Promise<CampaignView> {
    const { checklist } = await this.store.find(user, id);
    if (!checklist.some((topic) => topic.code === dto.topicCode)) {
      throw new BadRequestException(
        `topicCode: ${dto.topicCode} không có trong danh mục kiểm tra của đợt`,
      );
    }
    const findingId = randomUUID();
    const fields = {
      unitId: dto.unitId,
      topicCode: dto.topicCode,
      description: dto.description.trim(),
      severity: dto.severity,
      parCode: dto.parCode ?? null,
      recommendation: dto.recommendation.trim(),
    };
    await this.store.apply(
      user,
      id,
      dto.version,
      { type: 'RECORD_FINDING', findingId, ...fields },
      async (manager) => {
        await manager.query(
          `INSERT INTO inspection_findings (id, campaign_id, ward_id, unit_id, topic_code, description,
             severity, par_code, recommendation, status, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
          [
            findingId,
            id,
            user.wardId,
            fields.unitId,
            fields.topicCode,
            fields.description,
            fields.severity,
            fields.parCode,
            fields.recommendation,
            user.id,
            this.clock.now(),
          ],
        );
      },
    );
    return this.campaigns.get(user, id);
  }

  async assignTask(
    user: AuthUser,
    id: string,
    findingId: string,
    dto: AssignRemediationDto,
  ): Promise<CampaignView> {
    const finding = await this.finding(user, id, findingId);
    let taskId: string | null = null;
    await this.store.apply(
      user,
      id,
      dto.version,
      async (manager) => {
        taskId = await this.tasks.insert(
          user,
          {
            title: `Khắc phục tồn tại sau kiểm tra CCHC: ${finding.description}`.slice(0, 500),
            content: finding.description,
            requirement: finding.recommendation,
            leadUnitId: finding.unit_id,
            leaderId: dto.leaderId,
            dueDate: dto.dueDate,
          },
          manager,
        );
        return { type: 'ASSIGN_TASK', findingId, taskId, dueDate: dto.dueDate };
      },
      (manager) => setStatus(manager, findingId, 'task', null, taskId),
    );
    return this.campaigns.get(user, id);
  }

  async escalate(
    user: AuthUser,
    id: string,
    findingId: string,
    dto: ReasonDto,
  ): Promise<CampaignView> {
    return this.settle(user, id, findingId, dto, 'ESCALATE_FINDING');
  }

  async close(
    user: AuthUser,
    id: string,
    findingId: string,
    dto: ReasonDto,
  ): Promise<CampaignView> {
    return this.settle(user, id, findingId, dto, 'CLOSE_FINDING');
  }

  async conclude(user: AuthUser, id: string, dto: ConcludeDto): Promise<CampaignView> {
    await this.store.apply(user, id, dto.version, {
      type: 'CONCLUDE',
      noticeNumber: dto.noticeNumber.trim(),
    });
    return this.campaigns.get(user, id);
  }

  async closeCampaign(user: AuthUser, id: string, dto: VersionDto): Promise<CampaignView> {
    await this.store.apply(user, id, dto.version, async (manager) => {
      const [{ count }] = (await manager.query(
        `SELECT COUNT(*) AS count FROM inspection_findings f
           JOIN reform_tasks t ON t.id = f.task_id
          WHERE f.campaign_id = ? AND f.status = 'task' AND t.state <> 'accepted'`,
        [id],
      )) as { count: number | string }[];
      return { type: 'CLOSE', unacceptedTasks: Number(count) };
    });
    return this.campaigns.get(user, id);
  }

  private async settle(
    user: AuthUser,
    id: string,
    findingId: string,
    dto: ReasonDto,
    type: 'ESCALATE_FINDING' | 'CLOSE_FINDING',
  ): Promise<CampaignView> {
    await this.finding(user, id, findingId);
    const reason = dto.reason.trim();
    await this.store.apply(user, id, dto.version, { type, findingId, reason }, (manager, result) =>
      setStatus(
        manager,
        findingId,
        result.snapshot.context.findings[findingId].status,
        reason,
        null,
      ),
    );
    return this.campaigns.get(user, id);
  }

  /** The finding of this campaign, if the user sees the campaign. */
  private async finding(user: AuthUser, id: string, findingId: string) {
    await this.store.find(user, id);
    const rows = (await this.dataSource.query(
      `SELECT unit_id, description, recommendation FROM inspection_findings
        WHERE id = ? AND campaign_id = ?`,
      [findingId, id],
    )) as {
      unit_id: string;
      description: string;
      recommendation: string;
    }[];
    if (rows.length === 0) {
      throw new NotFoundException(
        `Không tìm thấy tồn tại, hạn chế ${findingId} trong đợt kiểm tra`,
      );
    }
    return rows[0];
  }
}

async function setStatus(
  manager: EntityManager,
  findingId: string,
  status: string,
  reason: string | null,
  taskId: string | null,
): Promise<void> {
  await manager.query(
    `UPDATE inspection_findings SET status = ?, status_reason = COALESCE(?, status_reason),
            task_id = COALESCE(?, task_id) WHERE id = ?`,
    [status, reason, taskId, findingId],
  );
}
