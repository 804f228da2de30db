import { loadConfig, requireJwtSecret, StartupError } from './app-config';

describe('loadConfig', () => {
  const strongSecret = 'x'.repeat(32);

  it('fails closed without NODE_ENV: production, no built-in secret, no demo users, no /docs', () => {
    const config = loadConfig({});
    expect(config.isProduction).toBe(true);
    expect(config.jwtSecret).toBeNull();
    expect(() => requireJwtSecret(config)).toThrow(/JWT_SECRET must be set/);
    expect(config).toMatchObject({ demoSeed: false, apiDocs: false, webhookAllowPrivate: false });
  });

  it('turns the conveniences on for NODE_ENV=development', () => {
    const config = loadConfig({ NODE_ENV: 'development' });
    expect(config.jwtSecret).toEqual(expect.any(String));
    expect(config).toMatchObject({ demoSeed: true, apiDocs: true, webhookAllowPrivate: true });
  });

  it('needs each convenience asked for by name in other modes, such as tests', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ jwtSecret: null, demoSeed: false });
    expect(
      loadConfig({ NODE_ENV: 'test', ALLOW_DEV_SECRET: 'true', DEMO_SEED: '1' }),
    ).toMatchObject({ jwtSecret: expect.any(String), demoSeed: true });
  });

  it('refuses the development settings in production', () => {
    for (const name of ['ALLOW_DEV_SECRET', 'DEMO_SEED', 'WEBHOOK_ALLOW_PRIVATE']) {
      expect(() => loadConfig({ NODE_ENV: 'production', [name]: 'true' })).toThrow(
        new StartupError(`${name}=true is refused when NODE_ENV=production`),
      );
    }
  });

  it('requires a JWT secret of at least 32 bytes', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32 bytes/);
    expect(loadConfig({ JWT_SECRET: strongSecret }).jwtSecret).toBe(strongSecret);
  });

  it('reads switches strictly', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DEMO_SEED: 'yes' })).toThrow(
      'DEMO_SEED must be true or false, not "yes"',
    );
    expect(loadConfig({ NODE_ENV: 'development', API_DOCS: 'false' }).apiDocs).toBe(false);
  });

  it('reads the replica settings', () => {
    expect(loadConfig({})).toMatchObject({ databaseReadUrl: null, databaseReadMaxLagSeconds: 30 });
    expect(
      loadConfig({ DATABASE_READ_URL: 'mysql://r@replica/cchc', DATABASE_READ_MAX_LAG: 'off' }),
    ).toMatchObject({ databaseReadUrl: 'mysql://r@replica/cchc', databaseReadMaxLagSeconds: null });
    expect(loadConfig({ DATABASE_READ_MAX_LAG: '5' }).databaseReadMaxLagSeconds).toBe(5);
    expect(() => loadConfig({ DATABASE_READ_MAX_LAG: '5s' })).toThrow(
      'DATABASE_READ_MAX_LAG must be whole seconds or off, not "5s"',
    );
  });
});
