import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

/**
 * Express middleware timing every request; the route label is the matched pattern
 * (`/tasks/:id`), never the raw path, so ids do not multiply the series.
 */
export function httpMetrics(metrics: Metrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = metrics.httpRequestDuration.startTimer();
    response.once('finish', () => {
      const pattern = (request.route as { path?: string } | undefined)?.path;
      stop({
        method: request.method,
        route: pattern ? `${request.baseUrl}${pattern}` : 'unmatched',
        status: String(response.statusCode),
      });
    });
    next();
  };
}
