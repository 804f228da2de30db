import { HttpException, Injectable } from '@nestjs/common';
import { AuthUser } from '@cchc/auth';
import { EventRefusedError, InstanceNotFoundError, StaleVersionError } from '@cchc/engine';
import { NotificationService } from '@cchc/notifications';
import { BulkTaskActionDto, BulkTaskResult } from './dto/bulk-task-action.dto';
import { TaskService } from './task.service';

/**
 * Applies one action to many tasks, each through its own transition, so one refused task
 * (wrong state, not allowed, gone) is reported on its row and never stops the others.
 */
@Injectable()
export class TaskBulkService {
  constructor(
    private readonly tasks: TaskService,
    private readonly notifications: NotificationService,
  ) {}

  async apply(user: AuthUser, dto: BulkTaskActionDto): Promise<BulkTaskResult[]> {
    const results: BulkTaskResult[] = [];
    for (const taskId of dto.taskIds) {
      try {
        await this.applyOne(user, taskId, dto);
        results.push({ taskId, ok: true });
      } catch (error) {
        results.push({ taskId, ok: false, ...refusalOf(error) });
      }
    }
    return results;
  }

  private async applyOne(user: AuthUser, taskId: string, dto: BulkTaskActionDto): Promise<void> {
    const task = await this.tasks.get(user, taskId);
    if (dto.type === 'REMIND') {
      await this.notifications.remind(taskId);
      return;
    }
    await this.tasks.sendEvent(
      user,
      taskId,
      dto.type === 'REASSIGN'
        ? { type: 'REASSIGN', version: task.version, leadUnitId: dto.leadUnitId }
        : {
            type: 'AMEND',
            version: task.version,
            reason: dto.reason,
            changes: { dueDate: dto.dueDate },
          },
    );
  }
}

/** The status and message the single-task endpoint would answer; anything else is a real fault. */
function refusalOf(error: unknown): { status: number; message: string } {
  if (error instanceof EventRefusedError) {
    return { status: error.kind === 'role' ? 403 : 409, message: error.message };
  }
  if (error instanceof StaleVersionError) return { status: 409, message: error.message };
  if (error instanceof InstanceNotFoundError) return { status: 404, message: error.message };
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    return {
      status: error.getStatus(),
      message: Array.isArray(message) ? message.join('; ') : String(message ?? error.message),
    };
  }
  throw error;
}
