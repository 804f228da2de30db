import { Module } from '@nestjs/common';
import { CalendarStoreModule } from '@cchc/calendar-store';
import { EscalationsModule } from '@cchc/escalations';
import { DossierInboxService } from './dossier-inbox.service';
import { InboxService } from './inbox.service';

@Module({
  imports: [EscalationsModule, CalendarStoreModule],
  providers: [InboxService, DossierInboxService],
  exports: [InboxService],
})
export class InboxModule {}
