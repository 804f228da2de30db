import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { DossierFigures, DossierStatsService } from '@cchc/dossiers';
import { RecordedAuditEvent } from '@cchc/domain';
import { AuditLog } from '@cchc/engine';
import { TargetMetric } from '@cchc/targets';
import { isLeaf } from './criteria-tree';
import { ReviewDto, ScoreDto } from './dto/par.dto';
import { AssessmentView, CriterionView } from './dto/par-view.dto';
import { criteriaOf, leafCriterion, linkedTasks, scoresOf, StoredCriterion } from './par-records';
import { criterionRates, percentOf, scoreTree } from './score-tree';

/**
 * The ward's PAR-Index self-assessment of a year: the lead unit of a criterion (the unit leading
 * the task of the same code) enters its score with evidence, the coordinator accepts it or
 * returns it with a reason (each step in the audit), computed criteria are filled from the
 * year's dossier figures; totals by area in points and percent.
 */
@Injectable()
export class ParAssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossierStats: DossierStatsService,
    private readonly clock: Clock,
  ) {}

  /** `dossiers`: the ward's figures for the year, when the caller read them already (the ranking). */
  async assessment(
    wardId: string,
    year: number,
    dossiers?: DossierFigures,
  ): Promise<AssessmentView> {
    const criteria = await criteriaOf(this.dataSource, wardId, year);
    const scores = await scoresOf(this.dataSource, wardId, year);
    const tasks = await linkedTasks(this.dataSource, wardId, year);
    const rates = await this.rates(wardId, year, criteria, dossiers);
    const points = scoreTree(
      criteria,
      new Map(criteria.flatMap((c) => (scores.has(c.id) ? [[c.code, scores.get(c.id)!]] : []))),
      rates,
    );
    const rateOf = (criterion: StoredCriterion): number | null => {
      if (criterion.method === 'survey') return scores.get(criterion.id)?.surveyRate ?? null;
      const rate = criterion.metric === null ? null : (rates.get(criterion.metric) ?? null);
      return criterion.method === 'computed' && rate !== null ? percentOf(rate, 1) : null;
    };
    const views: CriterionView[] = criteria.map((criterion) => ({
      id: criterion.id,
      code: criterion.code,
      name: criterion.name,
      level: criterion.level,
      parentCode: criterion.parentCode,
      maxPoints: criterion.maxPoints,
      method: criterion.method,
      metric: criterion.metric,
      leaf: isLeaf(criteria, criterion.code),
      rate: rateOf(criterion),
      points: points.get(criterion.code)?.points ?? null,
      acceptedPoints: points.get(criterion.code)?.acceptedPoints ?? null,
      score: scores.get(criterion.id) ?? null,
      tasks: tasks
        .filter((task) => task.ordinal === criterion.code)
        .map(({ id, ordinal, title, state, leadUnitId }) => ({
          id,
          ordinal,
          title,
          state,
          leadUnitId,
        })),
    }));
    const areas = views
      .filter((view) => view.level === 'area')
      .map((area) => ({
        code: area.code,
        name: area.name,
        maxPoints: area.maxPoints,
        points: area.points,
        percent: percentOf(area.points, area.maxPoints),
      }));
    const maxPoints = areas.reduce((sum, area) => sum + area.maxPoints, 0);
    const scored = areas.filter((area) => area.points !== null);
    const totalPoints =
      scored.length === 0
        ? null
        : Math.round(scored.reduce((sum, area) => sum + (area.points ?? 0), 0) * 100) / 100;
    return {
      year,
      issuer: criteria[0].issuer,
      criteria: views,
      areas,
      total: {
        code: 'TONG',
        name: 'Tổng cộng',
        maxPoints,
        points: totalPoints,
        percent: percentOf(totalPoints, maxPoints),
      },
    };
  }

  async enterScore(
    user: AuthUser,
    year: number,
    code: string,
    dto: ScoreDto,
  ): Promise<AssessmentView> {
    await this.dataSource.transaction(async (manager) => {
      const criterion = await this.scoredCriterion(manager, user.wardId, year, code);
      if (dto.score > criterion.maxPoints) {
        const message = `score ${dto.score} vượt điểm tối đa ${criterion.maxPoints} của tiêu chí ${code}`;
        // Named as the validation pipe names a field, so the console shows it beside the score.
        throw new BadRequestException({
          error: 'ValidationFailed',
          message: `Dữ liệu không hợp lệ: score: ${message}`,
          fields: [{ field: 'score', message }],
        });
      }
      const leads = (await linkedTasks(manager, user.wardId, year)).filter(
        (task) => task.ordinal === code,
      );
      if (user.role !== 'coordinator' && !leads.some((task) => task.leadUnitId === user.unitId))
        throw new ForbiddenException(
          `Chỉ đơn vị chủ trì nhiệm vụ ${code} (hoặc công chức tham mưu CCHC) tự chấm tiêu chí này`,
        );
      await this.checkReferences(manager, user.wardId, dto);
      const [current] = (await manager.query(
        'SELECT status FROM par_scores WHERE criterion_id = ? FOR UPDATE',
        [criterion.id],
      )) as { status: string }[];
      if (current?.status === 'accepted')
        throw new ConflictException(`Điểm tiêu chí ${code} đã được thẩm định; không sửa được nữa`);
      const now = this.clock.now();
      await manager.query(
        `INSERT INTO par_scores (criterion_id, ward_id, year, score, note, evidence_ids, task_ids, figures, status, entered_by, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)
         ON DUPLICATE KEY UPDATE score = VALUES(score), note = VALUES(note), evidence_ids = VALUES(evidence_ids),
           task_ids = VALUES(task_ids), figures = VALUES(figures), status = 'submitted', review_reason = NULL,
           entered_by = VALUES(entered_by), entered_at = VALUES(entered_at), reviewed_by = NULL, reviewed_at = NULL`,
        [
          criterion.id,
          user.wardId,
          year,
          dto.score,
          dto.note ?? null,
          JSON.stringify(dto.evidenceIds ?? []),
          JSON.stringify(dto.taskIds ?? []),
          JSON.stringify(dto.figures ?? []),
          user.id,
          now,
        ],
      );
      await this.audit(
        manager,
        user,
        criterion,
        'SCORE_ENTERED',
        current?.status ?? null,
        'submitted',
        null,
        {
          code,
          score: dto.score,
          evidenceIds: dto.evidenceIds ?? [],
          taskIds: dto.taskIds ?? [],
        },
      );
    });
    return this.assessment(user.wardId, year);
  }

  async review(
    user: AuthUser,
    year: number,
    code: string,
    dto: ReviewDto,
  ): Promise<AssessmentView> {
    await this.dataSource.transaction(async (manager) => {
      const criterion = await this.scoredCriterion(manager, user.wardId, year, code);
      const [current] = (await manager.query(
        'SELECT status FROM par_scores WHERE criterion_id = ? FOR UPDATE',
        [criterion.id],
      )) as { status: string }[];
      if (current?.status !== 'submitted')
        throw new ConflictException(`Tiêu chí ${code} không có điểm tự chấm đang chờ thẩm định`);
      const status = dto.decision === 'accept' ? 'accepted' : 'returned';
      const now = this.clock.now();
      await manager.query(
        'UPDATE par_scores SET status = ?, review_reason = ?, reviewed_by = ?, reviewed_at = ? WHERE criterion_id = ?',
        [status, dto.reason ?? null, user.id, now, criterion.id],
      );
      const event = status === 'accepted' ? 'SCORE_ACCEPTED' : 'SCORE_RETURNED';
      await this.audit(manager, user, criterion, event, 'submitted', status, dto.reason ?? null, {
        code,
      });
    });
    return this.assessment(user.wardId, year);
  }

  /** The rates computed criteria take: the year's dossier figures (DossierStatsService). */
  private async rates(
    wardId: string,
    year: number,
    criteria: StoredCriterion[],
    dossiers?: DossierFigures,
  ): Promise<Map<TargetMetric, number | null>> {
    if (!criteria.some((criterion) => criterion.method === 'computed')) return new Map();
    return criterionRates(
      dossiers ??
        (await this.dossierStats.figures(wardId, { from: `${year}-01-01`, to: `${year}-12-31` }))
          .overall,
    );
  }

  private async scoredCriterion(
    manager: EntityManager,
    wardId: string,
    year: number,
    code: string,
  ): Promise<StoredCriterion> {
    const criterion = await leafCriterion(manager, wardId, year, code);
    if (criterion.method === 'computed')
      throw new ConflictException(`Tiêu chí ${code} do hệ thống tính từ số liệu, không tự chấm`);
    if (criterion.method === 'survey')
      throw new ConflictException(
        `Tiêu chí ${code} lấy điểm từ kết quả điều tra xã hội học: công chức tham mưu nhập kết quả, không tự chấm`,
      );
    return criterion;
  }

  /** Evidence files and tasks named as support must be the ward's own. */
  private async checkReferences(
    manager: EntityManager,
    wardId: string,
    dto: ScoreDto,
  ): Promise<void> {
    for (const [field, table, ids] of [
      ['evidenceIds', 'evidence_files', dto.evidenceIds ?? []],
      ['taskIds', 'reform_tasks', dto.taskIds ?? []],
    ] as const) {
      if (ids.length === 0) continue;
      const found = (await manager.query(
        `SELECT id FROM ${table} WHERE ward_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
        [wardId, ...ids],
      )) as { id: string }[];
      const missing = ids.filter((id) => !found.some((row) => row.id === id));
      if (missing.length > 0)
        throw new BadRequestException(`${field}: không có ${missing.join(', ')} trong phường`);
    }
  }

  private audit(
    manager: EntityManager,
    user: AuthUser,
    criterion: StoredCriterion,
    eventType: RecordedAuditEvent,
    fromState: string | null,
    toState: string,
    reason: string | null,
    payload: Record<string, unknown>,
  ): Promise<void> {
    return AuditLog.append(manager, {
      instanceType: 'par-score',
      instanceId: criterion.id,
      wardId: user.wardId,
      eventType,
      fromState,
      toState,
      actor: actorOf(user),
      reason,
      payload,
      occurredAt: this.clock.now(),
    });
  }
}
