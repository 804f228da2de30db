import { Metrics } from './metrics';
import { scrape } from './scrape';

describe('scrape (who may read /metrics)', () => {
  const metrics = new Metrics();

  it('is open outside production when no token is set', async () => {
    const answer = await scrape(metrics, { metricsToken: null, isProduction: false }, undefined);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('cchc_transitions_total');
  });

  it('is refused in production without a token, saying which setting turns it on', async () => {
    const answer = await scrape(metrics, { metricsToken: null, isProduction: true }, undefined);
    expect(answer).toMatchObject({ status: 403, body: expect.stringContaining('METRICS_TOKEN') });
  });

  it('answers only the bearer of the token when one is set', async () => {
    const config = { metricsToken: 'prometheus-secret', isProduction: true };
    expect((await scrape(metrics, config, undefined)).status).toBe(401);
    expect((await scrape(metrics, config, 'Bearer prometheus-secreT')).status).toBe(401);
    expect((await scrape(metrics, config, 'Bearer prometheus-secret')).status).toBe(200);
  });
});
