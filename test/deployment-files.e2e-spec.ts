import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const COMPOSE = join(ROOT, 'docker', 'compose.yml');
const hasCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasCompose) {
  console.warn(
    'deployment files: docker-compose is not installed (apt-get install docker-compose); skipped',
  );
}

const REQUIRED = {
  MYSQL_ROOT_PASSWORD: 'root-secret',
  CCHC_OWNER_PASSWORD: 'owner-secret',
  CCHC_APP_PASSWORD: 'app-secret',
  JWT_SECRET: 'x'.repeat(48),
  AUDIT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
};

const composeConfig = (env: Record<string, string>) =>
  spawnSync('docker-compose', ['-f', COMPOSE, 'config'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });

/** The compose file and the image, checked without a Docker engine (CI has none). */
(hasCompose ? describe : describe.skip)('deployment files', () => {
  it('the compose file validates with the required settings and names each missing one', () => {
    const valid = composeConfig(REQUIRED);
    expect({ status: valid.status, stderr: valid.stderr }).toEqual({ status: 0, stderr: '' });
    for (const name of Object.keys(REQUIRED)) {
      const rest = Object.fromEntries(Object.entries(REQUIRED).filter(([key]) => key !== name));
      const refused = composeConfig(rest);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain(`set ${name}`);
    }
  });

  it('runs two API and two worker containers as the row-only user, after the migration step', () => {
    const config = composeConfig(REQUIRED).stdout;
    for (const service of ['api-1', 'api-2', 'worker-1', 'worker-2', 'migrate', 'mysql', 'redis'])
      expect(config).toContain(`  ${service}:`);
    expect(config.match(/mysql:\/\/cchc_app:app-secret@mysql:3306\/cchc/g)).toHaveLength(4);
    expect(config.match(/mysql:\/\/cchc_owner:owner-secret@mysql:3306\/cchc/g)).toHaveLength(1);
    expect(config).not.toMatch(/mysql:\/\/root/);
  });
});

describe('Docker image', () => {
  const dockerfile = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8');

  it('builds with the commands the tests run and ships compiled output only, as a non-root user', () => {
    expect(dockerfile).toMatch(/RUN npm ci\n/);
    expect(dockerfile).toMatch(/RUN npm run build && npm prune --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK /m);
    expect(dockerfile).toMatch(/^CMD \["node", "dist\/apps\/api\/src\/main\.js"\]$/m);
    expect(dockerfile).not.toMatch(/register\.js|swc/);
  });
});
