import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuthUser } from '@cchc/auth';
import { endOfDayInstant, parseIsoDate, todayIn } from '@cchc/calendar';
import { Clock } from '@cchc/common';
import { nextDocumentNumber } from '@cchc/database';
import { documentNumber, shortDate } from '@cchc/documents';
import { ReportEvent } from '@cchc/domain';
import { auditHistory, WorkflowEngine } from '@cchc/engine';
import { CompileReportDto, OpenReportDto, ReportEventDto } from './dto/report-event.dto';
import { ReportCalendarService } from './report-calendar.service';
import { AuditCheckpoints, canonicalJson, sha256Hex } from '@cchc/audit';
import { ReportContent } from './report-content';
import { ReportFiguresService } from './report-figures.service';
import { periodicReportPersistence, reportContributionPersistence } from './report.persistence';
import {
  ContributionRow,
  contributionView,
  REPORT_COLUMNS,
  ReportRow,
  ReportSummary,
  reportSummary,
  ReportView,
  reportView,
} from './report-view';
import {
  insertRevision,
  recordSending,
  recordSignature,
  recordWithdrawal,
  reportRevisions,
} from './report-revisions';

/**
 * Periodic reports of a ward: opening a period (the report and one contribution per lead unit
 * of the plan, whose timers the worker plans), the report's events, and compiling — freezing
 * the figures as of the cut-off into a new revision with its content hash, in the transition's
 * transaction.
 */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: WorkflowEngine,
    private readonly calendars: ReportCalendarService,
    private readonly figures: ReportFiguresService,
    private readonly checkpoints: AuditCheckpoints,
    private readonly clock: Clock,
  ) {}

  async open(user: AuthUser, dto: OpenReportDto): Promise<ReportView> {
    const period = await this.calendars.period(user.wardId, dto);
    const planId = dto.planId ?? (await this.latestPlan(user.wardId, dto.year));
    if (dto.planId && !(await this.latestPlan(user.wardId, null, dto.planId)))
      throw new BadRequestException(`planId: không có kế hoạch ${dto.planId} trong phường`);
    const units = planId
      ? ((await this.dataSource.query(
          "SELECT DISTINCT lead_unit_id FROM reform_tasks WHERE plan_id = ? AND is_group = 0 AND state <> 'cancelled' ORDER BY lead_unit_id",
          [planId],
        )) as { lead_unit_id: string }[])
      : [];
    const id = randomUUID();
    const actor = actorOf(user);
    try {
      await this.dataSource.transaction('READ COMMITTED', async (manager) => {
        await this.engine.create(
          periodicReportPersistence,
          {
            id,
            input: { cutoffDate: period.cutoffDate, upstreamDueDate: period.upstreamDueDate },
            actor,
            auditEvent: 'OPENED',
            auditPayload: { period: period.label, planId, units: units.length },
            columns: {
              ward_id: user.wardId,
              plan_id: planId,
              period_kind: period.kind,
              period_year: period.year,
              period_index: period.index,
              period_label: period.label,
              period_from: period.from,
              cutoff_date: period.cutoffDate,
              contribution_due_date: period.contributionDueDate,
              upstream_due_date: period.upstreamDueDate,
              created_by: user.id,
            },
          },
          manager,
        );
        for (const { lead_unit_id: unitId } of units) {
          await this.engine.create(
            reportContributionPersistence,
            {
              id: randomUUID(),
              input: { unitId, dueDate: period.contributionDueDate },
              actor,
              auditEvent: 'REQUESTED',
              columns: {
                ward_id: user.wardId,
                report_id: id,
                unit_id: unitId,
                created_by: user.id,
              },
            },
            manager,
          );
        }
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new ConflictException(`Kỳ báo cáo ${period.label} đã được mở`);
      throw error;
    }
    return this.get(user, id);
  }

  async list(user: AuthUser): Promise<ReportSummary[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM periodic_reports r WHERE r.ward_id = ?
       ORDER BY r.cutoff_date DESC, r.period_kind LIMIT 500`,
      [user.wardId],
    )) as ReportRow[];
    return rows.map(reportSummary);
  }

  async get(user: AuthUser, id: string): Promise<ReportView> {
    const row = await this.row(user.wardId, id);
    const actor = actorOf(user);
    const contributions = (await this.dataSource.query(
      `SELECT c.id, c.unit_id, u.name AS unit_name, c.state, c.version, c.snapshot
       FROM report_contributions c JOIN org_units u ON u.id = c.unit_id
       WHERE c.report_id = ? ORDER BY u.name`,
      [id],
    )) as ContributionRow[];
    return reportView(row, actor, {
      contributions: contributions.map((contribution) => contributionView(contribution, actor)),
      revisions: await reportRevisions(this.dataSource, id),
      history: await auditHistory(this.dataSource, periodicReportPersistence.instanceType, id),
    });
  }

  /**
   * A user's event; SIGN takes the next number of the ward's yearly `…/BC-UBND` sequence. The
   * revision signed or sent records it, so that it keeps its number and dates once corrected;
   * returned once signed, it records that the signature was withdrawn (its number stays spent).
   * Each in the transition's transaction.
   */
  async sendEvent(user: AuthUser, id: string, dto: ReportEventDto): Promise<ReportView> {
    const row = await this.row(user.wardId, id);
    const { version, ...fields } = dto;
    await this.dataSource.transaction(async (manager) => {
      const event = { ...fields } as Omit<ReportEvent, 'actor' | 'today'> & { number?: string };
      if (dto.type === 'SIGN') event.number = await this.nextNumber(manager, row);
      const { snapshot, fromState } = await this.engine.send(
        periodicReportPersistence,
        id,
        event,
        actorOf(user),
        version,
        manager,
      );
      const { context } = snapshot;
      if (dto.type === 'SIGN')
        await recordSignature(manager, id, context.revision, { ...context, signedBy: user.id });
      if (dto.type === 'SEND')
        await recordSending(manager, id, context.revision, this.engine.today());
      if (dto.type === 'RETURN' && fromState === 'signed')
        await recordWithdrawal(manager, id, context.revision, {
          withdrawnOn: this.engine.today(),
          reason: context.returnReason ?? '',
        });
    });
    return this.get(user, id);
  }

  /**
   * Freezes the figures as of the cut-off: the canonical JSON and its sha-256 are stored as the
   * next revision (earlier revisions stay), and COMPILE records it in the report's history.
   * Never as of a future instant: compiled before the end of the cut-off day (the month's report
   * on its last day, or one the province asks for early) the figures stand as of now, and the
   * document says so; a period not yet begun has nothing to compile (409).
   */
  async compile(user: AuthUser, id: string, dto: CompileReportDto): Promise<ReportView> {
    const row = await this.row(user.wardId, id);
    const now = this.clock.now();
    if (todayIn(now) < row.period_from)
      throw new ConflictException(
        `Kỳ báo cáo ${row.period_label} chưa bắt đầu: chưa có số liệu để tổng hợp, ` +
          `có thể tổng hợp từ ngày ${shortDate(row.period_from)}`,
      );
    const cutoffEnd = endOfDayInstant(row.cutoff_date);
    const asOf = now < cutoffEnd ? now : cutoffEnd;
    const figures = await this.figures.content(
      {
        id,
        wardId: row.ward_id,
        planId: row.plan_id,
        period: {
          kind: row.period_kind,
          year: row.period_year,
          index: row.period_index,
          label: row.period_label,
          from: row.period_from,
          cutoffDate: row.cutoff_date,
          contributionDueDate: row.contribution_due_date,
          upstreamDueDate: row.upstream_due_date,
        },
      },
      asOf,
    );
    // Signs the ward's history as it stands, so the report carries a root to check it against.
    const checkpoint = await this.checkpoints.checkpoint(row.ward_id, 'on-demand');
    const content: ReportContent = {
      ...figures,
      auditCheckpoint: {
        id: checkpoint.id,
        createdAt: checkpoint.createdAt.toISOString(),
        root: checkpoint.root,
        instanceCount: checkpoint.instanceCount,
        keyId: checkpoint.keyId,
      },
    };
    const canonical = canonicalJson(content);
    const hash = sha256Hex(canonical);
    const revision = row.revision + 1;
    await this.dataSource.transaction(async (manager) => {
      const { snapshot } = await this.engine.send(
        periodicReportPersistence,
        id,
        { type: 'COMPILE', revision, contentHash: hash } as Omit<ReportEvent, 'actor' | 'today'>,
        actorOf(user),
        dto.version,
        manager,
      );
      // After the guarded transition: a stale version never writes a revision.
      await insertRevision(manager, {
        reportId: id,
        revision,
        content: canonical,
        contentHash: hash,
        compiledBy: user.id,
        compiledAt: this.clock.now(),
        corrects: snapshot.context.corrects ?? null,
      });
    });
    return this.get(user, id);
  }

  async row(wardId: string, id: string): Promise<ReportRow> {
    const [row] = (await this.dataSource.query(
      `SELECT ${REPORT_COLUMNS} FROM periodic_reports r WHERE r.id = ? AND r.ward_id = ?`,
      [id, wardId],
    )) as ReportRow[];
    if (!row) throw new NotFoundException(`Không tìm thấy báo cáo ${id}`);
    return row;
  }

  /**
   * The plan named, or by default the ward's latest reform plan of the year: a PAR-Index plan
   * (kind `par_index`, its tasks the criteria) imported later is not what the period reports on.
   */
  private async latestPlan(
    wardId: string,
    year: number | null,
    planId?: string,
  ): Promise<string | null> {
    const [plan] = (await this.dataSource.query(
      planId
        ? 'SELECT id FROM plans WHERE ward_id = ? AND id = ?'
        : "SELECT id FROM plans WHERE ward_id = ? AND year = ? AND kind = 'reform' ORDER BY issued_on DESC, created_at DESC LIMIT 1",
      [wardId, planId ?? year],
    )) as { id: string }[];
    return plan?.id ?? null;
  }

  /** The next number of the ward's `…/BC-UBND` sequence of the year it is signed in. */
  private async nextNumber(manager: EntityManager, row: ReportRow): Promise<string> {
    const { year } = parseIsoDate(this.engine.today());
    return documentNumber(
      await nextDocumentNumber(manager, row.ward_id, 'BC-UBND', year),
      'BC-UBND',
    );
  }
}
