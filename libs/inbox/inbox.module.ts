import { Module } from '@nestjs/common';
import { EscalationsModule } from '@cchc/escalations';
import { InboxService } from './inbox.service';

@Module({ imports: [EscalationsModule], providers: [InboxService], exports: [InboxService] })
export class InboxModule {}
