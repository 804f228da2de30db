import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser, actorOf } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { AuditLog } from '@cchc/engine';
import { buildCriteriaTree } from './criteria-tree';
import { CriteriaFileRefused, CriteriaUpload } from './criteria-file';
import { CriteriaLoadedView } from './dto/par-view.dto';
import { linkedTasks } from './par-records';

/** Loads a ward's PAR-Index criteria tree of a year (API and CLI `par load`). */
@Injectable()
export class ParCriteriaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Replaces the year's tree in one transaction, all criteria or none; refused (409) once a
   * score of that year exists, so that no score loses its criterion.
   */
  async load(user: AuthUser, upload: CriteriaUpload): Promise<CriteriaLoadedView> {
    const { tree, sourceRows } = upload;
    const { criteria, problems } = buildCriteriaTree(tree.criteria);
    if (problems.length > 0)
      throw new CriteriaFileRefused(
        problems.map((problem) => ({
          ...problem,
          row: sourceRows[problem.row - 1] ?? problem.row,
        })),
      );
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM wards WHERE id = ? FOR UPDATE', [user.wardId]);
      const [{ scored }] = await manager.query(
        'SELECT COUNT(*) AS scored FROM par_scores WHERE ward_id = ? AND year = ?',
        [user.wardId, tree.year],
      );
      if (Number(scored) > 0)
        throw new ConflictException(
          `Đã có ${scored} tiêu chí năm ${tree.year} được chấm điểm: không thay bộ tiêu chí được nữa.`,
        );
      await manager.query('DELETE FROM par_criteria WHERE ward_id = ? AND year = ?', [
        user.wardId,
        tree.year,
      ]);
      await manager.query(
        `INSERT INTO par_criteria (id, ward_id, year, issuer, code, parent_code, level, name, max_points, method, metric, position)
         VALUES ${criteria.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        criteria.flatMap((criterion) => [
          randomUUID(),
          user.wardId,
          tree.year,
          tree.issuer.trim(),
          criterion.code,
          criterion.parentCode,
          criterion.level,
          criterion.name.trim(),
          criterion.maxPoints,
          criterion.method,
          criterion.metric,
          criterion.position,
        ]),
      );
      await AuditLog.append(manager, {
        instanceType: 'par-criteria',
        instanceId: user.wardId,
        wardId: user.wardId,
        eventType: 'CRITERIA_LOADED',
        fromState: null,
        toState: 'loaded',
        actor: actorOf(user),
        reason: null,
        payload: { year: tree.year, issuer: tree.issuer, criteria: criteria.length },
        occurredAt: now,
      });
    });
    const tasks = await linkedTasks(this.dataSource, user.wardId, tree.year);
    return {
      year: tree.year,
      issuer: tree.issuer.trim(),
      criteria: criteria.length,
      linkedToTasks: new Set(tasks.map((task) => task.ordinal)).size,
    };
  }
}
