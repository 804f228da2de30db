import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '@cchc/domain';
import { EventRefusedError, WorkflowEngine } from '@cchc/engine';
import { DueTimer, TimerHandler, TimerRegistry } from '@cchc/timers';
import { DossierService } from './dossier.service';
import { tthcDossierPersistence } from './dossier.persistence';
import { APPOINTMENT_TIMER } from './dossier-timers';

/**
 * The end of the appointment day came: the dossier missed its appointment (APPOINTMENT_MISSED,
 * sent by the system), which starts its apology slip. Runs in the timer's transaction.
 */
@Injectable()
export class DossierTimerHandler implements TimerHandler, OnModuleInit {
  readonly subjectType = tthcDossierPersistence.instanceType;

  constructor(
    private readonly registry: TimerRegistry,
    private readonly engine: WorkflowEngine,
    private readonly dossiers: DossierService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  lockSubject(manager: EntityManager, dossierId: string): Promise<void> {
    return this.dossiers.lockRow(manager, dossierId);
  }

  async fire(manager: EntityManager, timer: DueTimer): Promise<void> {
    if (timer.kind !== APPOINTMENT_TIMER) return;
    const current = await this.engine.load(tthcDossierPersistence, timer.subjectId, manager);
    // Planned for an appointment the dossier no longer has: the replan already replaced it.
    if (current.snapshot.context.appointmentDate !== timer.dueDate) return;
    try {
      const result = await this.engine.send(
        tthcDossierPersistence,
        timer.subjectId,
        { type: 'APPOINTMENT_MISSED' },
        SYSTEM_ACTOR,
        current.version,
        manager,
      );
      await this.dossiers.planTimers(manager, timer.subjectId, result.snapshot);
    } catch (error) {
      // The dossier moved on (result recorded, ended, clock stopped): nothing was missed.
      if (error instanceof EventRefusedError) return;
      throw error;
    }
  }
}
