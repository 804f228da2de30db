import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CriterionView, YearOnYearView } from './dto/par-view.dto';
import { ParAssessmentService } from './par-assessment.service';
import { linkedTasks } from './par-records';

/** The year-on-year view the heads of units answer for: criteria that lost points. */
@Injectable()
export class ParLostPointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: ParAssessmentService,
  ) {}

  /** Leaf criteria that lost points this year, with what they lost the year before. */
  async yearOnYear(wardId: string, year: number): Promise<YearOnYearView> {
    const current = await this.assessments.assessment(wardId, year);
    const previous = await this.assessments.assessment(wardId, year - 1).catch((error: unknown) => {
      if (error instanceof NotFoundException) return null;
      throw error;
    });
    const lostOf = (view: CriterionView) =>
      view.points === null ? null : Math.round((view.maxPoints - view.points) * 100) / 100;
    const leadUnits = await linkedTasks(this.dataSource, wardId, year);
    const criteria = current.criteria
      .filter((view) => view.leaf && (lostOf(view) ?? 0) > 0)
      .map((view) => {
        const before = previous?.criteria.find((old) => old.code === view.code);
        const previousLost = before ? lostOf(before) : null;
        const lost = lostOf(view) as number;
        return {
          code: view.code,
          name: view.name,
          maxPoints: view.maxPoints,
          points: view.points,
          lost,
          previousLost,
          change: previousLost === null ? null : Math.round((lost - previousLost) * 100) / 100,
          leadUnits: [
            ...new Set(leadUnits.filter((t) => t.ordinal === view.code).map((t) => t.leadUnitName)),
          ],
        };
      })
      .sort((a, b) => b.lost - a.lost || a.code.localeCompare(b.code, 'vi', { numeric: true }));
    return { year, previousYear: year - 1, criteria };
  }
}
