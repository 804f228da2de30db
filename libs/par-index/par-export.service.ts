import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { activeChairmanName } from '@cchc/org';
import { ParAssessmentService } from './par-assessment.service';
import { assessmentDocx, assessmentWorkbook } from './par-export';

/** The self-assessment of a year as files: an XLSX workbook and a DOCX report. */
@Injectable()
export class ParExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: ParAssessmentService,
    private readonly clock: Clock,
  ) {}

  async xlsx(wardId: string, year: number): Promise<Buffer> {
    return assessmentWorkbook(await this.assessments.assessment(wardId, year));
  }

  async docx(wardId: string, year: number): Promise<Buffer> {
    const view = await this.assessments.assessment(wardId, year);
    const [ward] = (await this.dataSource.query('SELECT name, province FROM wards WHERE id = ?', [
      wardId,
    ])) as { name: string; province: string | null }[];
    return assessmentDocx(view, {
      ...ward,
      today: todayIn(this.clock.now()),
      chairmanName: await activeChairmanName(this.dataSource, wardId),
    });
  }
}
