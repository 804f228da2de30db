import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '@cchc/auth';
import { todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { ReadDatabase } from '@cchc/database';
import { DossierFigures, DossierStatsService } from '@cchc/dossiers';
import { EvidenceDownload, EvidenceService } from '@cchc/evidence';
import { ParAssessmentService } from '@cchc/par-index';
import { ProvinceWardView, RankingsView, WardRankingView } from './dto/province-view.dto';

const ORDER =
  'Điểm tự đánh giá Chỉ số CCHC (%), rồi tỷ lệ hồ sơ đúng hạn, tỷ lệ phiếu xin lỗi, báo cáo đúng hạn';

/** Higher first, a missing figure last. */
const byDesc = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1);

/**
 * What the province (Sở Nội vụ) sees: the wards of its province — those whose `province` is the
 * officer's own ward's — each read as its own staff would, and a ranking of them. Which wards
 * the officer may read comes from the primary; the ranking's figures from the read replica.
 */
@Injectable()
export class ProvinceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossierStats: DossierStatsService,
    private readonly assessments: ParAssessmentService,
    private readonly clock: Clock,
    private readonly reads: ReadDatabase,
    private readonly evidence: EvidenceService,
  ) {}

  async wards(user: AuthUser): Promise<ProvinceWardView[]> {
    return (await this.dataSource.query(
      `SELECT w.id, w.code, w.name FROM wards w JOIN wards own ON own.id = ?
       WHERE w.id = own.id OR (own.province IS NOT NULL AND w.province = own.province)
       ORDER BY w.name`,
      [user.wardId],
    )) as ProvinceWardView[];
  }

  /** The ward, if the officer's province has it (404 otherwise, as for any other ward). */
  async ward(user: AuthUser, wardId: string): Promise<ProvinceWardView> {
    const ward = (await this.wards(user)).find((candidate) => candidate.id === wardId);
    if (!ward) throw new NotFoundException(`Không có phường/xã ${wardId} trong tỉnh/thành phố`);
    return ward;
  }

  /** The officer reading a ward of the province, as its services scope reads (by ward). */
  async readerOf(user: AuthUser, wardId: string): Promise<AuthUser> {
    await this.ward(user, wardId);
    return { ...user, wardId, unitId: null };
  }

  /**
   * An evidence file of a ward of the province, only one the ward put forward as evidence: named
   * by a PAR-Index score, an entered target value or a unit's report contribution. Any other
   * file — a task's working papers, another ward's — answers 404, as an unknown one.
   */
  async evidenceFile(
    user: AuthUser,
    wardId: string,
    evidenceId: string,
  ): Promise<EvidenceDownload> {
    const reader = await this.readerOf(user, wardId);
    const named = (id: string) => `JSON_CONTAINS(${id}, JSON_QUOTE(f.id))`;
    const [referenced] = (await this.dataSource.query(
      `SELECT f.id FROM evidence_files f WHERE f.id = ? AND f.ward_id = ? AND (
         EXISTS (SELECT 1 FROM par_scores s WHERE s.ward_id = f.ward_id AND ${named('s.evidence_ids')})
         OR EXISTS (SELECT 1 FROM target_values v JOIN plan_targets t ON t.id = v.target_id
                    WHERE t.ward_id = f.ward_id AND ${named('v.evidence_ids')})
         OR EXISTS (SELECT 1 FROM report_contributions c WHERE c.ward_id = f.ward_id
                    AND ${named("JSON_EXTRACT(c.snapshot, '$.context.evidenceIds')")}))`,
      [evidenceId, wardId],
    )) as { id: string }[];
    if (!referenced)
      throw new NotFoundException(
        `Không có tệp minh chứng ${evidenceId} trong hồ sơ tự đánh giá, chỉ tiêu hay báo cáo của phường/xã`,
      );
    return this.evidence.open(reader, evidenceId);
  }

  async rankings(user: AuthUser, year: number): Promise<RankingsView> {
    const today = todayIn(this.clock.now());
    const rows: Omit<WardRankingView, 'rank'>[] = [];
    const wards = await this.wards(user);
    // One grouped read each for every ward's dossiers (the maintained monthly counts, which the
    // PAR Index's computed criteria take too) and reports, not one per ward (a province has hundreds).
    const wardIds = wards.map((ward) => ward.id);
    const dossiers = await this.dossierStats.overallByWard(wardIds, year);
    const sent = await this.reportsSent(wardIds, year, today);
    for (const ward of wards) {
      const overall = dossiers.get(ward.id) as DossierFigures;
      const par = await this.assessments
        .assessment(ward.id, year, overall)
        .catch((error: unknown) => {
          if (error instanceof NotFoundException) return null;
          throw error;
        });
      const reports = sent.get(ward.id) ?? { due: 0, on_time: 0 };
      const due = Number(reports.due);
      rows.push({
        ward,
        dossierOnTimeRate: overall.onTimeRate,
        apologyCoverage: overall.apologyCoverage,
        reportsDue: due,
        reportsOnTimeRate: due === 0 ? null : Number(reports.on_time ?? 0) / due,
        parPoints: par?.total.points ?? null,
        parMaxPoints: par?.total.maxPoints ?? null,
        parPercent: par?.total.percent ?? null,
      });
    }
    rows.sort(
      (a, b) =>
        byDesc(a.parPercent, b.parPercent) ||
        byDesc(a.dossierOnTimeRate, b.dossierOnTimeRate) ||
        byDesc(a.apologyCoverage, b.apologyCoverage) ||
        byDesc(a.reportsOnTimeRate, b.reportsOnTimeRate) ||
        a.ward.name.localeCompare(b.ward.name, 'vi'),
    );
    return {
      year,
      orderedBy: ORDER,
      wards: rows.map((row, index) => ({ rank: index + 1, ...row })),
    };
  }

  /**
   * Each ward's periodic reports of the year due upstream by today, and those sent by then: by
   * their first sending (`sent_on`), which a correction under way or sent later does not move.
   */
  private async reportsSent(
    wardIds: string[],
    year: number,
    today: string,
  ): Promise<Map<string, { due: number | string; on_time: number | string | null }>> {
    if (wardIds.length === 0) return new Map();
    const rows = (await this.reads.run((manager) =>
      manager.query(
        `SELECT ward_id, COUNT(*) AS due,
           SUM(sent_on IS NOT NULL AND sent_on <= upstream_due_date) AS on_time
         FROM periodic_reports WHERE ward_id IN (?) AND period_year = ? AND upstream_due_date <= ?
         GROUP BY ward_id`,
        [wardIds, year, today],
      ),
    )) as { ward_id: string; due: number | string; on_time: number | string | null }[];
    return new Map(rows.map((row) => [row.ward_id, row]));
  }
}
