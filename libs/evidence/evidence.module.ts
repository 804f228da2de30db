import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { TasksModule } from '@cchc/tasks';
import { EVIDENCE_STORAGE } from './evidence-storage';
import { EvidenceService } from './evidence.service';
import { LocalEvidenceStorage } from './local-evidence-storage';

/** Evidence files of task reports, their bytes on the local disk under the storage directory. */
@Module({
  imports: [TasksModule],
  providers: [
    EvidenceService,
    {
      provide: EVIDENCE_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new LocalEvidenceStorage(join(config.storageDir, 'evidence')),
    },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
