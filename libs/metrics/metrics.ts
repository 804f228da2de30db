import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The instruments of one process (API or worker), in a registry of its own so that several Nest
 * applications in one process (the e2e tests) never share or double-register a metric.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequestDuration = new Histogram({
    name: 'cchc_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly transitions = new Counter({
    name: 'cchc_transitions_total',
    help: 'Workflow events by machine, event and outcome (applied, refused by the machine, stale version)',
    labelNames: ['machine', 'event', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly timerLateness = new Histogram({
    name: 'cchc_timer_lateness_seconds',
    help: 'How long after its due time a timer (reminder, escalation, overdue check) fired',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });

  readonly apologySlips = new Counter({
    name: 'cchc_apology_slips_total',
    help: 'Apology slips (phiếu xin lỗi) by step: drafted, issued',
    labelNames: ['step'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'cchc_process_' });
  }
}
