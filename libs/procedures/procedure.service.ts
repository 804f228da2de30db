import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { Clock } from '@cchc/common';
import { OrgUnitEntity, ProcedureEntity } from '@cchc/database';
import { isDuplicateKey } from '@cchc/engine';
import { CreateProcedureDto } from './dto/create-procedure.dto';
import { readSheetFile } from './catalog-file';
import { readCatalogRows } from './procedure-rows';

export interface ProcedureView {
  id: string;
  code: string;
  name: string;
  processingDays: number;
  handlingUnitId: string;
}

export interface CatalogImportResult {
  created: number;
  updated: number;
  procedures: ProcedureView[];
}

/** The ward's procedure catalog: the statutory time and the handling unit of each procedure. */
@Injectable()
export class ProcedureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ProcedureEntity) private readonly procedures: Repository<ProcedureEntity>,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    private readonly clock: Clock,
  ) {}

  async create(wardId: string, dto: CreateProcedureDto): Promise<ProcedureView> {
    const unit = await this.units.findOne({ where: { id: dto.handlingUnitId, wardId } });
    if (!unit) {
      throw new BadRequestException(
        `handlingUnitId: không có đơn vị ${dto.handlingUnitId} trong phường`,
      );
    }
    const now = this.clock.now();
    const procedure = this.procedures.create({
      id: randomUUID(),
      wardId,
      code: dto.code.trim(),
      name: dto.name.trim(),
      processingDays: dto.processingDays,
      handlingUnitId: unit.id,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.procedures.insert(procedure);
    } catch (error) {
      if (isDuplicateKey(error, 'uq_procedures_ward_code')) {
        throw new ConflictException(`code: thủ tục mã ${procedure.code} đã có trong danh mục`);
      }
      throw error;
    }
    return toProcedureView(procedure);
  }

  async list(wardId: string): Promise<ProcedureView[]> {
    const procedures = await this.procedures.find({ where: { wardId }, order: { code: 'ASC' } });
    return procedures.map(toProcedureView);
  }

  async findByCode(wardId: string, code: string): Promise<ProcedureEntity> {
    const procedure = await this.procedures.findOne({ where: { wardId, code } });
    if (!procedure)
      throw new NotFoundException(`Không có thủ tục mã ${code} trong danh mục của phường`);
    return procedure;
  }

  /**
   * Imports a CSV or XLSX catalog: every row is checked first and, if any is wrong, nothing is
   * written and every problem comes back with its row and field. Known codes are updated.
   */
  async import(
    wardId: string,
    file: { fileName: string; data: Buffer },
  ): Promise<CatalogImportResult> {
    const rows = await readSheetFile(file);
    const units = await this.units.find({ where: { wardId } });
    const { procedures, problems } = readCatalogRows(rows, units);
    if (problems.length > 0) {
      throw new BadRequestException({
        error: 'ImportFailed',
        message: `Không nhập danh mục thủ tục: ${problems.length} lỗi; chưa ghi thủ tục nào.`,
        problems,
      });
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(ProcedureEntity, { where: { wardId } });
      const idByCode = new Map(existing.map((procedure) => [procedure.code, procedure.id]));
      const saved = procedures.map((procedure) =>
        manager.create(ProcedureEntity, {
          id: idByCode.get(procedure.code) ?? randomUUID(),
          wardId,
          code: procedure.code,
          name: procedure.name,
          processingDays: procedure.processingDays,
          handlingUnitId: procedure.handlingUnitId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await manager.query(
        `INSERT INTO procedures (id, ward_id, code, name, processing_days, handling_unit_id, created_at, updated_at)
         VALUES ${saved.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE name = VALUES(name), processing_days = VALUES(processing_days),
           handling_unit_id = VALUES(handling_unit_id), updated_at = VALUES(updated_at)`,
        saved.flatMap((p) => [
          p.id,
          wardId,
          p.code,
          p.name,
          p.processingDays,
          p.handlingUnitId,
          now,
          now,
        ]),
      );
      const updated = saved.filter((procedure) => idByCode.has(procedure.code)).length;
      return { created: saved.length - updated, updated, procedures: saved.map(toProcedureView) };
    });
  }
}

export function toProcedureView(procedure: ProcedureEntity): ProcedureView {
  return {
    id: procedure.id,
    code: procedure.code,
    name: procedure.name,
    processingDays: procedure.processingDays,
    handlingUnitId: procedure.handlingUnitId,
  };
}
