import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { Metrics } from '@cchc/metrics';
import { onBehalfOfRequest, QUEUES } from '@cchc/queue';
import { ApologyService, DraftApologyJob, IssueApologyJob } from './apology.service';

/** Drafts and issues apology slips, as the dossier machine's startApology / issueApology ask. */
@Processor(QUEUES.apologies)
export class ApologyProcessor extends WorkerHost {
  constructor(
    private readonly apologies: ApologyService,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  process(job: Job<DraftApologyJob | IssueApologyJob>): Promise<string> {
    return onBehalfOfRequest(job, () => this.run(job));
  }

  private async run(job: Job<DraftApologyJob | IssueApologyJob>): Promise<string> {
    if (job.name === 'draft') {
      const outcome = await this.apologies.draft(job.data as DraftApologyJob);
      // Counted only when this run made the slip: a job run twice counts once.
      if (outcome === 'drafted') this.metrics.apologySlips.inc({ step: 'drafted' });
      return outcome;
    }
    if (job.name === 'issue') {
      const outcome = await this.apologies.issue(job.data as IssueApologyJob);
      if (outcome === 'issued') this.metrics.apologySlips.inc({ step: 'issued' });
      return outcome;
    }
    throw new Error(`Unknown apology job ${job.name}`);
  }
}
