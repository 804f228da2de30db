import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@cchc/common';
import { Metrics } from './metrics';

export interface ScrapeAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The answer to a scrape of /metrics, the same from the API and the worker: with METRICS_TOKEN
 * set, only its bearer; without it, open outside production and refused in production (fail closed).
 */
export async function scrape(
  metrics: Metrics,
  config: Pick<AppConfig, 'metricsToken' | 'isProduction'>,
  authorization: string | undefined,
): Promise<ScrapeAnswer> {
  const text = (status: number, body: string) => ({
    status,
    contentType: 'text/plain; charset=utf-8',
    body,
  });
  if (config.metricsToken === null) {
    if (config.isProduction)
      return text(
        403,
        'Chỉ số giám sát chưa bật: đặt METRICS_TOKEN (metrics are off: set METRICS_TOKEN)\n',
      );
  } else if (!sameSecret(authorization ?? '', `Bearer ${config.metricsToken}`)) {
    return text(401, 'Thiếu hoặc sai mã truy cập chỉ số giám sát (METRICS_TOKEN)\n');
  }
  return {
    status: 200,
    contentType: metrics.registry.contentType,
    body: await metrics.registry.metrics(),
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
