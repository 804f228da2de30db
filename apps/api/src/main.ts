import 'reflect-metadata';
import { loadConfig, requireJwtSecret } from '@cchc/common';
import { closeOnSignals, listenOn, prepareRuntime, runMain } from '@cchc/runtime';
import { createApi } from './create-api';
import { closingIdleConnections } from './keep-alive';

runMain(async () => {
  const config = loadConfig();
  requireJwtSecret(config);
  for (const step of await prepareRuntime(config, { seedDemo: true })) console.log(`api: ${step}`);
  const app = await createApi();
  closeOnSignals('api', closingIdleConnections(app));
  await listenOn('api', config.port, (port) => app.listen(port));
  const docs = config.apiDocs ? ' (OpenAPI at /docs)' : '';
  console.log(`api: listening on http://localhost:${config.port}${docs}`);
});
