import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { todayIn } from '@cchc/calendar';
import { CalendarService } from '@cchc/calendar-store';
import { Clock, vietnamInstant } from '@cchc/common';
import { AuthUser, actorOf } from '@cchc/auth';
import { ProcedureEntity, TthcDossierEntity } from '@cchc/database';
import { DossierContext, DossierEvent } from '@cchc/domain';
import { auditHistory, isDuplicateKey, WorkflowEngine } from '@cchc/engine';
import { TimerService } from '@cchc/timers';
import { allowedEvents } from '@cchc/workflows';
import { ApologyService } from './apology.service';
import { appointmentAfter, calendarFigures, nonWorkingAppointment } from './appointment-dates';
import { dossierContentHash } from './dossier-input';
import { tthcDossierPersistence } from './dossier.persistence';
import { appointmentTimers } from './dossier-timers';
import { DossierView, toDossierView } from './dossier-view';
import { CreateDossierDto } from './dto/create-dossier.dto';
import { DossierEventDto } from './dto/dossier-event.dto';

/** How often a transaction that lost a deadlock is run again before the client gets a 409. */
const DEADLOCK_ATTEMPTS = 3;

/**
 * TTHC dossiers of a ward: received from the one-stop system (idempotent by code within the
 * ward), moved through their lifecycle by the engine, with the appointment timer planned in the
 * same transaction as every transition — under the timer planner's locking discipline.
 */
@Injectable()
export class DossierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TthcDossierEntity) private readonly dossiers: Repository<TthcDossierEntity>,
    @InjectRepository(ProcedureEntity) private readonly procedures: Repository<ProcedureEntity>,
    private readonly engine: WorkflowEngine,
    private readonly timers: TimerService,
    private readonly calendar: CalendarService,
    private readonly apologies: ApologyService,
    private readonly clock: Clock,
  ) {}

  /**
   * Receives a dossier. The same code with the same content is accepted once (the existing
   * dossier comes back, `created: false`); with different content it is refused (409).
   */
  async create(
    user: AuthUser,
    dto: CreateDossierDto,
  ): Promise<{ created: boolean; dossier: DossierView }> {
    const receivedAt = vietnamInstant(dto.receivedAt);
    if (!receivedAt) {
      throw new BadRequestException(
        'receivedAt: phải là ngày giờ ISO 8601, ví dụ 2026-02-12T09:30:00+07:00 ' +
          '(không ghi múi giờ thì hiểu là giờ Việt Nam)',
      );
    }
    const hash = dossierContentHash(dto);
    const existing = await this.dossiers.findOne({
      where: { wardId: user.wardId, code: dto.code },
    });
    if (existing) return { created: false, dossier: await this.sameDossier(user, existing, hash) };
    const procedure = await this.procedures.findOne({
      where: { wardId: user.wardId, code: dto.procedureCode.trim() },
    });
    if (!procedure) {
      throw new BadRequestException(
        `procedureCode: không có thủ tục mã ${dto.procedureCode} trong danh mục của phường`,
      );
    }
    if (receivedAt.getTime() > this.clock.now().getTime()) {
      throw new BadRequestException('receivedAt: thời điểm tiếp nhận chưa đến (ở tương lai)');
    }
    const receivedOn = todayIn(receivedAt);
    // Counting starts the working day after receipt: addWorkingDays does not count its start.
    const calendar = await this.calendar.workingCalendar();
    const appointmentDate = appointmentAfter(calendar, receivedOn, procedure.processingDays);
    const id = randomUUID();
    const blank = (text?: string) => (text?.trim() ? text.trim() : null);
    try {
      await this.transitionTransaction(id, async (manager) => {
        const { snapshot } = await this.engine.create(
          tthcDossierPersistence,
          {
            id,
            input: {
              handlingUnitId: procedure.handlingUnitId,
              receivedOn,
              processingDays: procedure.processingDays,
              appointmentDate,
            },
            actor: actorOf(user),
            columns: {
              ward_id: user.wardId,
              code: dto.code,
              procedure_id: procedure.id,
              applicant_name: dto.applicant.name.trim(),
              applicant_address: blank(dto.applicant.address),
              applicant_phone: blank(dto.applicant.phone),
              applicant_email: blank(dto.applicant.email),
              received_at: receivedAt,
              received_on: receivedOn,
              handling_unit_id: procedure.handlingUnitId,
              original_appointment_date: appointmentDate,
              content_hash: hash,
              created_by: user.id,
            },
            auditEvent: 'RECEIVED',
            auditPayload: { code: dto.code, procedureCode: procedure.code, appointmentDate },
          },
          manager,
        );
        await this.planTimers(manager, id, snapshot);
      });
    } catch (error) {
      if (!isDuplicateKey(error, 'uq_dossiers_ward_code')) throw error;
      // Another request received the same code meanwhile.
      const winner = await this.dossiers.findOneOrFail({
        where: { wardId: user.wardId, code: dto.code },
      });
      return { created: false, dossier: await this.sameDossier(user, winner, hash) };
    }
    return { created: true, dossier: await this.get(user, dto.code) };
  }

  /** A dossier with what the caller may do, its apology slips and its history. */
  async get(user: AuthUser, code: string): Promise<DossierView> {
    const dossier = await this.find(user, code);
    const procedure = await this.procedures.findOneByOrFail({ id: dossier.procedureId });
    const { snapshot } = this.engine.restore(tthcDossierPersistence, {
      ...dossier,
      machine_version: dossier.machineVersion,
    });
    return toDossierView(dossier, procedure, user, this.engine.today(), {
      allowedEvents: allowedEvents(tthcDossierPersistence.definition, snapshot, actorOf(user)),
      apologies: await this.apologies.listFor(dossier, user),
      history: await auditHistory(this.dataSource, tthcDossierPersistence.instanceType, dossier.id),
    });
  }

  /**
   * Applies a user's event. The working-day figures the machine needs come from the calendar
   * here; the transition and the re-planned timer commit together.
   */
  async sendEvent(user: AuthUser, code: string, dto: DossierEventDto): Promise<DossierView> {
    const dossier = await this.find(user, code);
    const { snapshot } = await this.engine.load(tthcDossierPersistence, dossier.id);
    const { version, ...fields } = dto;
    const event = {
      ...definedOnly(fields),
      ...(await this.computedFields(dto, dossier.id, snapshot.context)),
    } as Omit<DossierEvent, 'actor' | 'today'>;
    await this.transitionTransaction(dossier.id, async (manager) => {
      const result = await this.engine.send(
        tthcDossierPersistence,
        dossier.id,
        event,
        actorOf(user),
        version,
        manager,
      );
      await this.planTimers(manager, dossier.id, result.snapshot);
    });
    return this.get(user, code);
  }

  /**
   * A transition and its timer plan, with the discipline of the task timer planner and the
   * firing timer: the dossier's row is locked first, then its timers; READ COMMITTED, so
   * no gap locks on the timers' index join concurrent receipts into a deadlock. Should one
   * happen all the same, the whole transaction runs again (nothing of it was written).
   */
  private async transitionTransaction(
    dossierId: string,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction('READ COMMITTED', async (manager) => {
          await this.lockRow(manager, dossierId);
          await work(manager);
        });
        return;
      } catch (error) {
        if (!isDeadlock(error)) throw error;
        if (attempt === DEADLOCK_ATTEMPTS) {
          throw new ConflictException(
            'Hồ sơ đang được cập nhật đồng thời; hãy tải lại và thử lại.',
          );
        }
      }
    }
  }

  async find(user: AuthUser, code: string): Promise<TthcDossierEntity> {
    const dossier = await this.dossiers.findOne({ where: { code, wardId: user.wardId } });
    if (!dossier) throw new NotFoundException(`Không tìm thấy hồ sơ ${code}`);
    return dossier;
  }

  /** Locks the dossier's row: before its timers, by everyone who writes or fires them. */
  async lockRow(manager: EntityManager, dossierId: string): Promise<void> {
    await manager.query('SELECT id FROM tthc_dossiers WHERE id = ? FOR UPDATE', [dossierId]);
  }

  /** Makes the dossier's pending timers match its snapshot, in the caller's transaction. */
  planTimers(
    manager: EntityManager,
    id: string,
    snapshot: { value: unknown; context: DossierContext },
  ): Promise<void> {
    return this.timers.replace(
      manager,
      tthcDossierPersistence.instanceType,
      id,
      appointmentTimers(snapshot),
    );
  }

  private async computedFields(
    dto: DossierEventDto,
    dossierId: string,
    context: DossierContext,
  ): Promise<Record<string, unknown>> {
    const calendar = await this.calendar.workingCalendar();
    const computed = calendarFigures(calendar, dto.type, this.engine.today(), context);
    const refused =
      nonWorkingAppointment(calendar, 'proposedDate', dto.proposedDate) ??
      nonWorkingAppointment(calendar, 'newAppointmentDate', dto.newAppointmentDate);
    if (refused) throw new BadRequestException(refused);
    if (dto.type !== 'APPROVE_APOLOGY' || dto.newAppointmentDate || !context.apologyPending) {
      return computed;
    }
    // The head signs the drafted date (a working day when drafted; the calendar may have changed).
    const draft = await this.apologies.slipOf(dossierId, context.apologyPending.round);
    if (!draft) {
      throw new BadRequestException(
        'newAppointmentDate: dự thảo phiếu xin lỗi chưa sẵn sàng; hãy ghi ngày hẹn trả mới',
      );
    }
    const drafted = nonWorkingAppointment(calendar, 'newAppointmentDate', draft.newAppointmentDate);
    if (drafted) throw new BadRequestException(drafted);
    return { newAppointmentDate: draft.newAppointmentDate };
  }

  /** The existing dossier when the content matches; otherwise why the code is refused. */
  private async sameDossier(
    user: AuthUser,
    existing: TthcDossierEntity,
    hash: string,
  ): Promise<DossierView> {
    if (existing.contentHash === hash) return this.get(user, existing.code);
    throw new ConflictException({
      error: 'DossierCodeConflict',
      message:
        `Mã hồ sơ ${existing.code} đã được tiếp nhận với nội dung khác ` +
        '(thủ tục, người nộp hoặc thời điểm tiếp nhận); không ghi đè hồ sơ đã có.',
    });
  }
}

function isDeadlock(error: unknown): boolean {
  const { code, driverError } = error as { code?: string; driverError?: { code?: string } };
  return (code ?? driverError?.code) === 'ER_LOCK_DEADLOCK';
}

function definedOnly(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
