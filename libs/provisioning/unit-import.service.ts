import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@cchc/common';
import { Actor } from '@cchc/domain';
import { OrgUnitEntity } from '@cchc/database';
import { AuditLog } from '@cchc/engine';
import { readSheetFile } from '@cchc/procedures';
import { UnitsImportResult } from './dto/ward.dto';
import { importRefused } from './import-refused';
import { readUnitSheet } from './staff-sheet';

/** A ward's units from a sheet (code, name): new codes added, known ones renamed; all or none. */
@Injectable()
export class UnitImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async import(
    actor: Actor,
    wardId: string,
    file: { fileName: string; data: Buffer },
  ): Promise<UnitsImportResult> {
    const { units, problems } = readUnitSheet(await readSheetFile(file));
    if (problems.length > 0) throw importRefused('đơn vị', problems);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.find(OrgUnitEntity, {
        where: { wardId },
        lock: { mode: 'pessimistic_write' },
      });
      const byCode = new Map(existing.map((unit) => [unit.code.toUpperCase(), unit]));
      let created = 0;
      let updated = 0;
      const saved: OrgUnitEntity[] = [];
      for (const row of units) {
        const known = byCode.get(row.code.toUpperCase());
        if (known && known.name === row.name) {
          saved.push(known);
          continue;
        }
        const unit = manager.create(OrgUnitEntity, {
          id: known?.id ?? randomUUID(),
          wardId,
          code: known?.code ?? row.code,
          name: row.name,
        });
        if (known) await manager.update(OrgUnitEntity, unit.id, { name: unit.name });
        else await manager.insert(OrgUnitEntity, unit);
        if (known) updated += 1;
        else created += 1;
        await AuditLog.append(manager, {
          instanceType: 'org-unit',
          instanceId: unit.id,
          wardId,
          eventType: known ? 'UNIT_RENAMED' : 'UNIT_CREATED',
          fromState: null,
          toState: 'active',
          actor,
          reason: null,
          payload: { code: unit.code, name: unit.name, ...(known ? { before: known.name } : {}) },
          occurredAt: this.clock.now(),
        });
        saved.push(unit);
      }
      return {
        created,
        updated,
        units: saved.map(({ id, code, name }) => ({ id, code, name })),
      };
    });
  }
}
