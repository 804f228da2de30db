import 'reflect-metadata';
import { loadConfig } from '@cchc/common';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { createApi } from './create-api';

runMain(async () => {
  const config = loadConfig();
  for (const step of await prepareRuntime(config, { seedDemo: true })) console.log(`api: ${step}`);
  const app = await createApi();
  await app.listen(config.port);
  console.log(`api: listening on http://localhost:${config.port} (OpenAPI at /docs)`);
});
