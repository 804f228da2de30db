import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@cchc/common';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AuditQueryService } from './audit-query.service';
import { AUDIT_SIGNING_KEY, auditSigningKey } from './audit-signing-key';
import { AuditVerification } from './audit-verification.service';

/** Checkpoints and verification of the audit chains; the signing key is resolved at start. */
@Module({
  providers: [
    {
      provide: AUDIT_SIGNING_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => auditSigningKey(config),
    },
    AuditCheckpoints,
    AuditVerification,
    AuditQueryService,
  ],
  exports: [AUDIT_SIGNING_KEY, AuditCheckpoints, AuditVerification, AuditQueryService],
})
export class AuditModule {}
