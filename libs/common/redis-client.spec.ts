import { loadConfig, StartupError } from './app-config';
import { bullPrefix, describeRedis } from './redis-client';

describe('Redis settings', () => {
  it('uses REDIS_URL alone and keeps the bare BullMQ prefix there', () => {
    const config = loadConfig({ REDIS_PREFIX: 'cchc' });
    expect(config.redisCluster).toBeNull();
    expect(bullPrefix(config)).toBe('cchc');
    expect(describeRedis(config)).toBe('127.0.0.1:6379');
  });

  it('reads REDIS_CLUSTER_NODES and wraps the prefix in a hash tag on a cluster', () => {
    const config = loadConfig({
      REDIS_CLUSTER_NODES: 'redis://bull:m%E1%BA%ADt@10.0.0.1:7000, 10.0.0.2:7001',
    });
    expect(config.redisCluster).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
      ],
      username: 'bull',
      password: 'mật',
    });
    expect(bullPrefix(config)).toBe('{cchc}');
    expect(bullPrefix({ ...config, redisPrefix: 'x-{tenant}' })).toBe('x-{tenant}');
    expect(describeRedis(config)).toBe('the cluster 10.0.0.1:7000,10.0.0.2:7001');
  });

  it('stops start-up with one line naming a bad entry', () => {
    for (const entry of ['10.0.0.1', 'http://10.0.0.1:7000', '10.0.0.1:port', '']) {
      expect(() => loadConfig({ REDIS_CLUSTER_NODES: `10.0.0.2:7000,${entry}` })).toThrow(
        new StartupError(
          `REDIS_CLUSTER_NODES: "${entry}" is not host:port (expected e.g. 10.0.0.1:7000,10.0.0.2:7000)`,
        ),
      );
    }
  });
});
