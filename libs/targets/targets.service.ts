import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { Clock } from '@cchc/common';
import { isDuplicateKey } from '@cchc/engine';
import { readSheetFile } from '@cchc/procedures';
import { TargetDto, TargetValueDto } from './dto/target.dto';
import { TargetImportView, TargetSuggestionsView, TargetView } from './dto/target-view.dto';
import { auditTargets, loadTargets, oneTarget, planInWard } from './target-records';
import { readTargetRows } from './target-rows';
import { suggestTargets } from './target-sentences';

const INSERT_TARGET = `INSERT INTO plan_targets (id, ward_id, plan_id, code, name, unit, comparator,
  target_value, qualitative, source, metric, status, sentence, source_row, created_by, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A target's figure as stored: a qualitative target has none, a computed one has its metric. */
function figureOf(dto: TargetDto): unknown[] {
  const qualitative = dto.qualitative ?? null;
  return [
    dto.code.trim(),
    dto.name.trim(),
    qualitative === null ? dto.unit : null,
    qualitative === null ? dto.comparator : null,
    qualitative === null ? dto.value : null,
    qualitative,
    dto.source,
    dto.source === 'computed' ? dto.metric : null,
  ];
}

/**
 * A plan's targets (chỉ tiêu): kept by the coordinator, imported from a sheet, or suggested from
 * the plan's narrative and confirmed one by one; entered targets get a value per period.
 */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(wardId: string, planId: string): Promise<TargetView[]> {
    await planInWard(this.dataSource, wardId, planId);
    return loadTargets(this.dataSource, planId);
  }

  create(user: AuthUser, planId: string, dto: TargetDto): Promise<TargetView> {
    return this.write(user, planId, async (manager, now) => {
      const id = randomUUID();
      await manager.query(INSERT_TARGET, [
        id,
        user.wardId,
        planId,
        ...figureOf(dto),
        'confirmed',
        null,
        null,
        user.id,
        now,
        now,
      ]);
      await auditTargets(manager, user, planId, 'TARGET_CREATED', { targetId: id, ...dto }, now);
      return oneTarget(manager, planId, id);
    });
  }

  /** Replaces the target's definition; a suggested target stays suggested until confirmed. */
  update(user: AuthUser, planId: string, id: string, dto: TargetDto): Promise<TargetView> {
    return this.write(user, planId, async (manager, now) => {
      await oneTarget(manager, planId, id);
      await manager.query(
        `UPDATE plan_targets SET code = ?, name = ?, unit = ?, comparator = ?, target_value = ?,
           qualitative = ?, source = ?, metric = ?, updated_at = ? WHERE id = ?`,
        [...figureOf(dto), now, id],
      );
      await auditTargets(manager, user, planId, 'TARGET_CHANGED', { targetId: id, ...dto }, now);
      return oneTarget(manager, planId, id);
    });
  }

  confirm(user: AuthUser, planId: string, id: string): Promise<TargetView> {
    return this.write(user, planId, async (manager, now) => {
      await oneTarget(manager, planId, id);
      await manager.query(
        "UPDATE plan_targets SET status = 'confirmed', updated_at = ? WHERE id = ?",
        [now, id],
      );
      await auditTargets(manager, user, planId, 'TARGET_CONFIRMED', { targetId: id }, now);
      return oneTarget(manager, planId, id);
    });
  }

  /** Drops a suggestion, or deletes a target with its entered values. */
  async remove(user: AuthUser, planId: string, id: string): Promise<void> {
    await this.write(user, planId, async (manager, now) => {
      const target = await oneTarget(manager, planId, id);
      await manager.query('DELETE FROM plan_targets WHERE id = ?', [id]);
      const event = target.status === 'suggested' ? 'TARGET_DROPPED' : 'TARGET_DELETED';
      await auditTargets(manager, user, planId, event, { targetId: id, code: target.code }, now);
    });
  }

  /**
   * Reads the plan's narrative for sentences with a percentage, a count or a rank and stores each
   * one not suggested before as a suggested target (never a confirmed one).
   */
  suggest(user: AuthUser, planId: string): Promise<TargetSuggestionsView> {
    return this.write(user, planId, async (manager, now, plan) => {
      if (!plan.narrative) {
        throw new ConflictException(
          'Kế hoạch không có phần văn bản (mục tiêu, chỉ tiêu) để đọc: hãy nhập lại tệp kế hoạch.',
        );
      }
      const lines = plan.narrative
        .split('\n')
        .map((text, index) => ({ sourceRow: index + 1, text }));
      const existing = await loadTargets(manager, planId);
      const known = new Set(existing.map((target) => target.sentence));
      const codes = new Set(existing.map((target) => target.code));
      const fresh = suggestTargets(lines).filter((target) => !known.has(target.sentence));
      let next = 1;
      for (const target of fresh) {
        while (codes.has(`GY-${String(next).padStart(2, '0')}`)) next++;
        const code = `GY-${String(next).padStart(2, '0')}`;
        codes.add(code);
        await manager.query(INSERT_TARGET, [
          randomUUID(),
          user.wardId,
          planId,
          code,
          target.sentence.slice(0, 500),
          target.unit,
          target.comparator,
          target.value,
          target.qualitative,
          target.metric ? 'computed' : 'entered',
          target.metric,
          'suggested',
          target.sentence,
          target.sourceRow,
          user.id,
          now,
          now,
        ]);
      }
      await auditTargets(manager, user, planId, 'TARGETS_SUGGESTED', { count: fresh.length }, now);
      const suggested = (await loadTargets(manager, planId)).filter(
        (target) => target.status === 'suggested',
      );
      return { created: fresh.length, suggested };
    });
  }

  /** The value of an entered target for a period (replacing one entered before), with evidence. */
  enterValue(user: AuthUser, planId: string, id: string, dto: TargetValueDto): Promise<TargetView> {
    if (dto.from > dto.to) throw new BadRequestException('to: ngày cuối kỳ trước ngày đầu kỳ');
    return this.write(user, planId, async (manager, now) => {
      const target = await oneTarget(manager, planId, id);
      if (target.source !== 'entered' || target.status !== 'confirmed') {
        throw new ConflictException(
          `Chỉ tiêu ${target.code} không nhận số liệu nhập tay (chỉ tiêu tính tự động hoặc chưa xác nhận).`,
        );
      }
      const evidenceIds = dto.evidenceIds ?? [];
      if (evidenceIds.length > 0) {
        const found = (await manager.query(
          `SELECT id FROM evidence_files WHERE ward_id = ? AND id IN (${evidenceIds.map(() => '?').join(', ')})`,
          [user.wardId, ...evidenceIds],
        )) as { id: string }[];
        const missing = evidenceIds.filter(
          (evidenceId) => !found.some((row) => row.id === evidenceId),
        );
        if (missing.length > 0)
          throw new BadRequestException(
            `evidenceIds: không có tệp minh chứng ${missing.join(', ')} trong phường`,
          );
      }
      await manager.query(
        `INSERT INTO target_values (id, target_id, period_from, period_to, value, note, evidence_ids, entered_by, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON DUPLICATE KEY UPDATE value = VALUES(value), note = VALUES(note),
           evidence_ids = VALUES(evidence_ids), entered_by = VALUES(entered_by), entered_at = VALUES(entered_at)`,
        [
          randomUUID(),
          id,
          dto.from,
          dto.to,
          dto.value,
          dto.note ?? null,
          JSON.stringify(evidenceIds),
          user.id,
          now,
        ],
      );
      await auditTargets(
        manager,
        user,
        planId,
        'TARGET_VALUE_ENTERED',
        { targetId: id, ...dto },
        now,
      );
      return oneTarget(manager, planId, id);
    });
  }

  /** A CSV or XLSX sheet of targets: all rows or none; known codes are updated. */
  async import(
    user: AuthUser,
    planId: string,
    file: { fileName: string; data: Buffer },
  ): Promise<TargetImportView> {
    const { targets, problems } = readTargetRows(await readSheetFile(file));
    if (problems.length > 0) {
      throw new BadRequestException({
        error: 'ImportFailed',
        message: `Không nhập chỉ tiêu: ${problems.length} lỗi; chưa ghi chỉ tiêu nào.`,
        problems,
      });
    }
    return this.write(user, planId, async (manager, now) => {
      const existing = new Map((await loadTargets(manager, planId)).map((t) => [t.code, t.id]));
      for (const dto of targets) {
        const id = existing.get(dto.code);
        if (id) {
          await manager.query(
            `UPDATE plan_targets SET code = ?, name = ?, unit = ?, comparator = ?, target_value = ?,
               qualitative = ?, source = ?, metric = ?, status = 'confirmed', updated_at = ? WHERE id = ?`,
            [...figureOf(dto), now, id],
          );
        } else {
          await manager.query(INSERT_TARGET, [
            randomUUID(),
            user.wardId,
            planId,
            ...figureOf(dto),
            'confirmed',
            null,
            null,
            user.id,
            now,
            now,
          ]);
        }
      }
      const updated = targets.filter((dto) => existing.has(dto.code)).length;
      await auditTargets(
        manager,
        user,
        planId,
        'TARGETS_IMPORTED',
        { fileName: file.fileName, rows: targets.length },
        now,
      );
      return {
        created: targets.length - updated,
        updated,
        targets: await loadTargets(manager, planId),
      };
    });
  }

  /** One write: the plan checked in the ward, a duplicate code a 409 naming it. */
  private async write<T>(
    user: AuthUser,
    planId: string,
    work: (manager: EntityManager, now: Date, plan: { narrative: string | null }) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const plan = await planInWard(manager, user.wardId, planId);
        return work(manager, this.clock.now(), plan);
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_plan_targets_code'))
        throw new ConflictException('code: mã chỉ tiêu đã có trong kế hoạch');
      throw error;
    }
  }
}
