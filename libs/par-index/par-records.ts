import { ConflictException, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TargetMetric } from '@cchc/targets';
import { Criterion, isLeaf } from './criteria-tree';
import { ScoreView } from './dto/par-view.dto';

export interface StoredCriterion extends Criterion {
  id: string;
  issuer: string;
}

type Db = DataSource | EntityManager;
type Row = Record<string, unknown>;
const list = <T>(value: unknown): T[] =>
  typeof value === 'string' ? (JSON.parse(value) as T[]) : ((value as T[]) ?? []);

/** The ward's criteria tree of a year, in file order; 404 when none was loaded. */
export async function criteriaOf(db: Db, wardId: string, year: number): Promise<StoredCriterion[]> {
  const rows = (await db.query(
    'SELECT * FROM par_criteria WHERE ward_id = ? AND year = ? ORDER BY position',
    [wardId, year],
  )) as Row[];
  if (rows.length === 0)
    throw new NotFoundException(`Phường chưa nạp bộ tiêu chí Chỉ số CCHC năm ${year}`);
  return rows.map((row) => ({
    id: String(row.id),
    issuer: String(row.issuer),
    code: String(row.code),
    name: String(row.name),
    level: row.level as Criterion['level'],
    parentCode: row.parent_code as string | null,
    maxPoints: Number(row.max_points),
    method: row.method as Criterion['method'],
    metric: row.metric as TargetMetric | null,
    position: Number(row.position),
  }));
}

/** A criterion scored directly (it has no sub-criteria): 404 when unknown, 409 for a parent. */
export async function leafCriterion(
  db: Db,
  wardId: string,
  year: number,
  code: string,
): Promise<StoredCriterion> {
  const criteria = await criteriaOf(db, wardId, year);
  const criterion = criteria.find((candidate) => candidate.code === code);
  if (!criterion)
    throw new NotFoundException(`Không có tiêu chí ${code} trong bộ tiêu chí năm ${year}`);
  if (!isLeaf(criteria, code))
    throw new ConflictException(`Tiêu chí ${code} có tiêu chí con: chấm điểm ở từng tiêu chí con`);
  return criterion;
}

export async function scoresOf(
  db: Db,
  wardId: string,
  year: number,
): Promise<Map<string, ScoreView>> {
  const rows = (await db.query('SELECT * FROM par_scores WHERE ward_id = ? AND year = ?', [
    wardId,
    year,
  ])) as Row[];
  return new Map(
    rows.map((row) => [
      String(row.criterion_id),
      {
        score: Number(row.score),
        status: row.status as ScoreView['status'],
        note: row.note as string | null,
        evidenceIds: list<string>(row.evidence_ids),
        taskIds: list<string>(row.task_ids),
        figures: list<TargetMetric>(row.figures),
        enteredBy: String(row.entered_by),
        enteredAt: row.entered_at as Date,
        reviewedBy: row.reviewed_by as string | null,
        reviewedAt: row.reviewed_at as Date | null,
        reviewReason: row.review_reason as string | null,
        surveyRate: row.survey_rate === null ? null : Number(row.survey_rate),
        surveySource: row.survey_source as string | null,
      },
    ]),
  );
}

export interface LinkedTask {
  id: string;
  ordinal: string;
  title: string;
  state: string;
  leadUnitId: string;
  leadUnitName: string;
}

/**
 * Tasks of the ward's PAR-Index plans of the year (`plans.kind = 'par_index'`, chosen on import)
 * whose ordinal is a criterion code: such a plan numbers its rows with the criteria codes. The
 * ward's other plans number theirs 1.1, 3.2.1 too, and never link.
 */
export async function linkedTasks(db: Db, wardId: string, year: number): Promise<LinkedTask[]> {
  return (await db.query(
    `SELECT t.id, t.ordinal, t.title, t.state, t.lead_unit_id AS leadUnitId, u.name AS leadUnitName
     FROM reform_tasks t JOIN plans p ON p.id = t.plan_id JOIN org_units u ON u.id = t.lead_unit_id
     JOIN par_criteria c ON c.ward_id = t.ward_id AND c.year = p.year AND c.code = t.ordinal
     WHERE t.ward_id = ? AND p.year = ? AND p.kind = 'par_index' AND t.is_group = 0 ORDER BY t.ordinal`,
    [wardId, year],
  )) as LinkedTask[];
}
