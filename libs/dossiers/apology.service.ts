import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { parseIsoDate, todayIn } from '@cchc/calendar';
import { CalendarService } from '@cchc/calendar-store';
import { Clock } from '@cchc/common';
import { AuthUser } from '@cchc/auth';
import { ApologySlipEntity, nextDocumentNumber, TthcDossierEntity } from '@cchc/database';
import { Actor, ApologyTrigger, IsoDate, RecordedAuditEvent, Role } from '@cchc/domain';
import { AuditLog, isDuplicateKey } from '@cchc/engine';
import { notificationStatement } from '@cchc/notifications';
import { markOutboxProcessed, OutboxJobData } from '@cchc/queue';
import { WebhookService } from '@cchc/webhooks';
import {
  contentDisposition,
  renderSlip,
  SLIP_CONTENT_TYPES,
  SlipFormat,
  slipData,
  slipFileName,
  SLIP_NUMBER_KIND,
  slipNumber,
  signerPosition,
  SlipSource,
} from './apology-document';
import { tthcDossierPersistence } from './dossier.persistence';
import {
  ApologySlipView,
  DossierViewer,
  seesApplicantContact,
  toApologySlipView,
} from './dossier-view';

/** A `startApology` action of the dossier machine, relayed from the outbox. */
export interface DraftApologyJob extends OutboxJobData {
  instanceId: string;
  seq: number;
  round: number;
  reason: ApologyTrigger;
  appointmentDate: IsoDate;
  proposedDate?: IsoDate;
  delayReason?: string;
}

/** An `issueApology` action: the head signed (APPROVE_APOLOGY at audit `seq`). */
export interface IssueApologyJob extends OutboxJobData {
  instanceId: string;
  seq: number;
  round: number;
  newAppointmentDate: IsoDate;
  reason: string;
  appointmentDate: IsoDate;
}

export interface SlipDocument {
  data: Buffer;
  contentType: string;
  contentDisposition: string;
}

const SLIP_AUDIT_TYPE = 'apology-slip';
/** Webhook event announcing an issued slip to the applicant's channel. */
export const APOLOGY_ISSUED_EVENT = 'dossier.apology.issued';

const SOURCE_SQL = `SELECT d.id AS dossier_id, d.code, d.ward_id, d.received_on,
    d.original_appointment_date, d.applicant_name,
    d.applicant_address, d.applicant_phone, d.applicant_email,
    p.code AS procedure_code, p.name AS procedure_name, p.processing_days,
    u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, w.name AS ward_name, w.province
  FROM tthc_dossiers d
  JOIN procedures p ON p.id = d.procedure_id
  JOIN org_units u ON u.id = d.handling_unit_id
  JOIN wards w ON w.id = d.ward_id
  WHERE d.id = ?`;

/**
 * Apology slips ("Phiếu xin lỗi và hẹn lại ngày trả kết quả"): the draft when a round starts,
 * the numbered slip when the head signs, and their documents. Exactly one slip per
 * (dossier, round): the unique key decides, so retried or duplicated jobs change nothing.
 */
@Injectable()
export class ApologyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ApologySlipEntity) private readonly slips: Repository<ApologySlipEntity>,
    private readonly calendar: CalendarService,
    private readonly webhooks: WebhookService,
    private readonly clock: Clock,
  ) {}

  /** Drafts the slip of a new round (DOCX + PDF) and tells the unit head it waits for signing. */
  async draft(job: DraftApologyJob): Promise<'drafted' | 'exists' | 'gone'> {
    const source = await this.source(job.instanceId);
    const existing = source && (await this.slipOf(job.instanceId, job.round));
    if (!source || existing) {
      await markOutboxProcessed(this.dataSource.manager, job.outboxId, this.clock.now());
      return source ? 'exists' : 'gone';
    }
    const now = this.clock.now();
    const today = todayIn(now);
    const newAppointment = job.proposedDate ?? (await this.proposedDate(job, source, today));
    const head = await this.unitHead(source.unit_id);
    const signer = { position: signerPosition(source.unit_name), name: head ?? '……………' };
    const documents = await renderSlip(
      slipData(source, {
        number: null,
        issuedOn: today,
        missedAppointment: job.appointmentDate,
        newAppointment,
        reason: job.delayReason ?? null,
        signer,
      }),
    );
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      // The dossier first, as its transitions and issue() lock it: the notification below reads
      // it, and a transition's counts triggers read this dossier's slips.
      await manager.query('SELECT id FROM tthc_dossiers WHERE id = ? FOR UPDATE', [job.instanceId]);
      try {
        await manager.query(
          `INSERT INTO apology_slips (id, dossier_id, round, ward_id, unit_id, \`trigger\`, status,
             missed_appointment_date, new_appointment_date, reason, signer_name, signer_position,
             drafted_on, docx, pdf, created_at)
           VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            job.instanceId,
            job.round,
            source.ward_id,
            source.unit_id,
            job.reason,
            job.appointmentDate,
            newAppointment,
            job.delayReason ?? null,
            signer.name,
            signer.position,
            today,
            documents.docx,
            documents.pdf,
            now,
          ],
        );
      } catch (error) {
        if (!isDuplicateKey(error, 'uq_apology_slips_round')) throw error;
        await markOutboxProcessed(manager, job.outboxId, now);
        return 'exists';
      }
      await this.audit(
        manager,
        { id, wardId: source.ward_id },
        'DRAFTED',
        'draft',
        { kind: 'system' },
        {
          dossierCode: source.code,
          round: job.round,
          trigger: job.reason,
        },
      );
      const notice = notificationStatement(
        {
          instanceType: tthcDossierPersistence.instanceType,
          instanceId: job.instanceId,
          seq: job.seq,
          topic: 'dossier.apology.drafted',
          to: ['handlingUnitHead'],
        },
        now,
      );
      if (notice) await manager.query(notice.sql, notice.params);
      await markOutboxProcessed(manager, job.outboxId, now);
      return 'drafted';
    });
  }

  /**
   * Issues the signed slip: the next number of the unit's yearly sequence, the final DOCX and
   * PDF, an audit record and the announcement to the applicant (webhook), in one transaction.
   * Its draft is written first (its outbox row is older); until then the job is retried.
   */
  async issue(job: IssueApologyJob): Promise<'issued' | 'issued-before' | 'gone'> {
    const source = await this.source(job.instanceId);
    if (!source) {
      await markOutboxProcessed(this.dataSource.manager, job.outboxId, this.clock.now());
      return 'gone';
    }
    const signing = await this.signing(job.instanceId, job.seq);
    const issuedOn = todayIn(signing.at);
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      // The dossier first, as its transitions lock it: a transition waits for the slip (and the
      // slip for a transition), so the dossier counts kept by triggers see each other's change.
      await manager.query('SELECT id FROM tthc_dossiers WHERE id = ? FOR UPDATE', [job.instanceId]);
      const [slip] = (await manager.query(
        'SELECT id, status FROM apology_slips WHERE dossier_id = ? AND round = ? FOR UPDATE',
        [job.instanceId, job.round],
      )) as { id: string; status: string }[];
      if (!slip) throw new Error(`Apology slip ${source.code} round ${job.round} has no draft yet`);
      if (slip.status === 'issued') {
        await markOutboxProcessed(manager, job.outboxId, now);
        return 'issued-before';
      }
      const { year } = parseIsoDate(issuedOn);
      const number = await nextDocumentNumber(manager, source.unit_id, SLIP_NUMBER_KIND, year);
      const numberText = slipNumber(number, source.unit_code);
      const signer = { position: signerPosition(source.unit_name), name: signing.name };
      const documents = await renderSlip(
        slipData(source, {
          number: numberText,
          issuedOn,
          missedAppointment: job.appointmentDate,
          newAppointment: job.newAppointmentDate,
          reason: job.reason,
          signer,
        }),
      );
      await manager.query(
        `UPDATE apology_slips SET status = 'issued', year = ?, number = ?, number_text = ?,
           missed_appointment_date = ?, new_appointment_date = ?, reason = ?, signer_id = ?,
           signer_name = ?, signer_position = ?, issued_on = ?, issued_at = ?, docx = ?, pdf = ?
         WHERE id = ?`,
        [
          year,
          number,
          numberText,
          // The appointment the signed slip replaces, as printed: a supplement received while the
          // draft waited may have moved it since the draft.
          job.appointmentDate,
          job.newAppointmentDate,
          job.reason,
          signing.actor.kind === 'user' ? signing.actor.userId : null,
          signer.name,
          signer.position,
          issuedOn,
          now,
          documents.docx,
          documents.pdf,
          slip.id,
        ],
      );
      const announced = {
        dossierCode: source.code,
        procedure: { code: source.procedure_code, name: source.procedure_name },
        applicant: {
          name: source.applicant_name,
          phone: source.applicant_phone,
          email: source.applicant_email,
        },
        slip: {
          id: slip.id,
          number: numberText,
          issuedOn,
          missedAppointmentDate: job.appointmentDate,
          newAppointmentDate: job.newAppointmentDate,
          reason: job.reason,
          signer,
        },
      };
      await this.audit(
        manager,
        { id: slip.id, wardId: source.ward_id },
        'ISSUED',
        'issued',
        signing.actor,
        announced,
      );
      await this.webhooks.publish(manager, {
        wardId: source.ward_id,
        type: APOLOGY_ISSUED_EVENT,
        key: `apology-slip:${slip.id}:issued`,
        data: announced,
      });
      await markOutboxProcessed(manager, job.outboxId, now);
      return 'issued';
    });
  }

  /**
   * The slips of a dossier, oldest round first; their documents only for a viewer who may see the
   * applicant's contact details (the slip prints address, phone and email).
   */
  async listFor(
    dossier: Pick<TthcDossierEntity, 'id' | 'handlingUnitId'>,
    viewer: DossierViewer,
  ): Promise<ApologySlipView[]> {
    const slips = await this.slips.find({
      where: { dossierId: dossier.id },
      order: { round: 'ASC' },
    });
    const withDocuments = seesApplicantContact(viewer, dossier.handlingUnitId);
    return slips.map((slip) => toApologySlipView(slip, withDocuments));
  }

  /** The slip of a round, if its draft exists. */
  slipOf(dossierId: string, round: number): Promise<ApologySlipEntity | null> {
    return this.slips.findOne({ where: { dossierId, round } });
  }

  /** The slip's document, for a viewer of its ward who may see the applicant's contact details. */
  async document(viewer: AuthUser, id: string, format: string): Promise<SlipDocument> {
    if (format !== 'docx' && format !== 'pdf') {
      throw new BadRequestException('format phải là docx hoặc pdf');
    }
    const slip = await this.slips
      .createQueryBuilder('slip')
      .addSelect(`slip.${format}`)
      .where('slip.id = :id AND slip.wardId = :wardId', { id, wardId: viewer.wardId })
      .getOne();
    if (!slip) throw new NotFoundException(`Không tìm thấy phiếu xin lỗi ${id}`);
    const [{ code, handling_unit_id }] = (await this.dataSource.query(
      'SELECT code, handling_unit_id FROM tthc_dossiers WHERE id = ?',
      [slip.dossierId],
    )) as { code: string; handling_unit_id: string }[];
    if (!seesApplicantContact(viewer, handling_unit_id)) {
      throw new ForbiddenException(
        'Phiếu xin lỗi ghi địa chỉ, điện thoại và thư điện tử của người nộp: chỉ Bộ phận một cửa, ' +
          'Chủ tịch, Đoàn kiểm tra và đơn vị giải quyết hồ sơ được tải phiếu.',
      );
    }
    return {
      data: slip[format as SlipFormat],
      contentType: SLIP_CONTENT_TYPES[format],
      contentDisposition: contentDisposition(slipFileName(slip, code, format)),
    };
  }

  private async source(dossierId: string): Promise<SlipSource | null> {
    const [row] = (await this.dataSource.query(SOURCE_SQL, [dossierId])) as SlipSource[];
    return row ?? null;
  }

  /**
   * The date an overdue draft proposes (the head may change it when signing): the procedure's
   * statutory time again, counted from today or from the missed appointment if later.
   */
  private async proposedDate(job: DraftApologyJob, source: SlipSource, today: IsoDate) {
    const calendar = await this.calendar.workingCalendar();
    const from = job.appointmentDate > today ? job.appointmentDate : today;
    return calendar.addWorkingDays(from, Math.max(1, source.processing_days));
  }

  private async unitHead(unitId: string): Promise<string | null> {
    const [head] = (await this.dataSource.query(
      "SELECT full_name FROM users WHERE unit_id = ? AND role = 'unit_head' AND active = 1 ORDER BY full_name LIMIT 1",
      [unitId],
    )) as { full_name: string }[];
    return head?.full_name ?? null;
  }

  /** Who signed (the APPROVE_APOLOGY audit event at `seq`) and when. */
  private async signing(
    dossierId: string,
    seq: number,
  ): Promise<{ actor: Actor; name: string; at: Date }> {
    const [row] = (await this.dataSource.query(
      `SELECT a.actor_id, a.actor_role, a.occurred_at, u.full_name, u.unit_id
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
       WHERE a.instance_id = ? AND a.seq = ?`,
      [dossierId, seq],
    )) as {
      actor_id: string | null;
      actor_role: Role;
      occurred_at: Date;
      full_name: string | null;
      unit_id: string | null;
    }[];
    if (!row?.actor_id || !row.full_name) {
      throw new Error(`Dossier ${dossierId}: no signer at audit seq ${seq}`);
    }
    return {
      actor: { kind: 'user', userId: row.actor_id, role: row.actor_role, unitId: row.unit_id },
      name: row.full_name,
      at: new Date(row.occurred_at),
    };
  }

  private async audit(
    manager: EntityManager,
    slip: { id: string; wardId: string },
    eventType: RecordedAuditEvent,
    toState: string,
    actor: Actor,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await AuditLog.append(manager, {
      instanceType: SLIP_AUDIT_TYPE,
      instanceId: slip.id,
      wardId: slip.wardId,
      eventType,
      fromState: eventType === 'DRAFTED' ? null : 'draft',
      toState,
      actor,
      reason: null,
      payload,
      occurredAt: this.clock.now(),
    });
  }
}
