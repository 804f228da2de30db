import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { AuditLog } from '@cchc/engine';
import { SurveyResultDto } from './dto/par.dto';
import { AssessmentView } from './dto/par-view.dto';
import { ParAssessmentService } from './par-assessment.service';
import { leafCriterion } from './par-records';
import { pointsOfRate } from './score-tree';

/**
 * Survey criteria (SIPAS satisfaction …): their points are not self-scored but come from the
 * survey's published rate, which the coordinator enters with its source (an evidence file, a
 * document's reference or both). Like a computed criterion the product then fills its points,
 * maximum × rate, counted as accepted; entering it again replaces it, each time in the audit.
 */
@Injectable()
export class ParSurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: ParAssessmentService,
    private readonly clock: Clock,
  ) {}

  async enter(
    user: AuthUser,
    year: number,
    code: string,
    dto: SurveyResultDto,
  ): Promise<AssessmentView> {
    if (dto.evidenceId === undefined && dto.source === undefined)
      throw new BadRequestException(
        'source: cần nêu nguồn kết quả điều tra (văn bản công bố) hoặc tệp minh chứng (evidenceId)',
      );
    await this.dataSource.transaction(async (manager) => {
      const criterion = await leafCriterion(manager, user.wardId, year, code);
      if (criterion.method !== 'survey')
        throw new ConflictException(
          `Tiêu chí ${code} không phải tiêu chí điều tra xã hội học: không nhập kết quả điều tra`,
        );
      if (dto.evidenceId !== undefined) {
        const [file] = await manager.query(
          'SELECT id FROM evidence_files WHERE id = ? AND ward_id = ?',
          [dto.evidenceId, user.wardId],
        );
        if (!file)
          throw new BadRequestException(`evidenceId: không có tệp ${dto.evidenceId} trong phường`);
      }
      const [current] = (await manager.query(
        'SELECT status FROM par_scores WHERE criterion_id = ? FOR UPDATE',
        [criterion.id],
      )) as { status: string }[];
      const points = pointsOfRate(criterion.maxPoints, dto.rate / 100);
      const now = this.clock.now();
      const evidenceIds = dto.evidenceId === undefined ? [] : [dto.evidenceId];
      await manager.query(
        `INSERT INTO par_scores (criterion_id, ward_id, year, score, note, evidence_ids, task_ids, figures, status,
           entered_by, entered_at, reviewed_by, reviewed_at, survey_rate, survey_source)
         VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', 'accepted', ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE score = VALUES(score), note = VALUES(note), evidence_ids = VALUES(evidence_ids),
           status = 'accepted', review_reason = NULL, entered_by = VALUES(entered_by), entered_at = VALUES(entered_at),
           reviewed_by = VALUES(reviewed_by), reviewed_at = VALUES(reviewed_at),
           survey_rate = VALUES(survey_rate), survey_source = VALUES(survey_source)`,
        [
          criterion.id,
          user.wardId,
          year,
          points,
          dto.note ?? null,
          JSON.stringify(evidenceIds),
          user.id,
          now,
          user.id,
          now,
          dto.rate,
          dto.source?.trim() ?? null,
        ],
      );
      await AuditLog.append(manager, {
        instanceType: 'par-score',
        instanceId: criterion.id,
        wardId: user.wardId,
        eventType: 'SURVEY_ENTERED',
        fromState: current?.status ?? null,
        toState: 'accepted',
        actor: actorOf(user),
        reason: null,
        payload: { code, rate: dto.rate, points, source: dto.source ?? null, evidenceIds },
        occurredAt: now,
      });
    });
    return this.assessments.assessment(user.wardId, year);
  }
}
