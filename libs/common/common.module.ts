import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, loadConfig } from './app-config';
import { Clock, SystemClock } from './clock';

/** Config and clock for every app; tests override `Clock` with a ManualClock. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadConfig() },
    { provide: Clock, useClass: SystemClock },
  ],
  exports: [APP_CONFIG, Clock],
})
export class CommonModule {}
