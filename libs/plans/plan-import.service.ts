import { BadRequestException, Injectable } from '@nestjs/common';
import { PlanFile, PlanImportError, PlanPreview } from '@cchc/plan-import';
import { OrgService } from '@cchc/org';
import { previewPlan } from './preview-plan';

/** Imports a ward's reform plan from the files wards have (DOCX, XLSX, CSV, pasted text). */
@Injectable()
export class PlanImportService {
  constructor(private readonly org: OrgService) {}

  async preview(wardId: string, file: PlanFile, year?: number): Promise<PlanPreview> {
    try {
      return await previewPlan({ file, units: await this.org.listUnits(wardId), year });
    } catch (error) {
      if (error instanceof PlanImportError) {
        throw new BadRequestException({
          error: 'PlanImport',
          message: error.message,
          errors: error.problems,
        });
      }
      throw error;
    }
  }
}
