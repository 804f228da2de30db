import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QUEUES } from '@cchc/queue';
import { ApologyService, DraftApologyJob, IssueApologyJob } from './apology.service';

/** Drafts and issues apology slips, as the dossier machine's startApology / issueApology ask. */
@Processor(QUEUES.apologies)
export class ApologyProcessor extends WorkerHost {
  constructor(private readonly apologies: ApologyService) {
    super();
  }

  process(job: Job<DraftApologyJob | IssueApologyJob>): Promise<string> {
    if (job.name === 'draft') return this.apologies.draft(job.data as DraftApologyJob);
    if (job.name === 'issue') return this.apologies.issue(job.data as IssueApologyJob);
    throw new Error(`Unknown apology job ${job.name}`);
  }
}
