import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { Response } from 'express';
import { InvalidYearScheduleError } from '@cchc/calendar';
import { EventRefusedError, InstanceNotFoundError, StaleVersionError } from '@cchc/engine';
import { PlanImportError } from '@cchc/plan-import';

/**
 * Every error leaves as JSON a person can understand: what is wrong and, for refused events,
 * the current state and what may be done instead.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorsFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(error);
    response.status(status).json({ statusCode: status, ...body });
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof HttpException) {
      const payload = error.getResponse();
      return [
        error.getStatus(),
        typeof payload === 'string' ? { message: payload } : (payload as Record<string, unknown>),
      ];
    }
    if (error instanceof InvalidYearScheduleError) {
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'InvalidSchedule', message: error.message, fields: error.problems },
      ];
    }
    if (error instanceof PlanImportError) {
      return [
        HttpStatus.BAD_REQUEST,
        { error: 'PlanImport', message: error.message, errors: error.problems },
      ];
    }
    if (error instanceof InstanceNotFoundError)
      return [HttpStatus.NOT_FOUND, { message: error.message }];
    if (error instanceof StaleVersionError) {
      return [
        HttpStatus.CONFLICT,
        { error: 'StaleVersion', message: error.message, currentVersion: error.currentVersion },
      ];
    }
    if (error instanceof EventRefusedError) {
      const status = error.kind === 'role' ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
      return [
        status,
        {
          error: 'EventRefused',
          message: error.message,
          state: error.state,
          stateLabel: error.stateLabel,
          allowedEvents: error.allowedEvents,
        },
      ];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [HttpStatus.INTERNAL_SERVER_ERROR, { message: 'Lỗi hệ thống; vui lòng thử lại sau' }];
  }
}
