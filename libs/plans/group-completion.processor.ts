import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { onBehalfOfRequest, QUEUES } from '@cchc/queue';
import { GroupCompletionService, GroupOutcome, SettledJobData } from './group-completion.service';

/** Runs in the worker; a StaleVersionError fails the attempt and BullMQ retries it. */
@Processor(QUEUES.groupTasks)
export class GroupCompletionProcessor extends WorkerHost {
  constructor(private readonly groups: GroupCompletionService) {
    super();
  }

  process(job: Job<SettledJobData>): Promise<GroupOutcome> {
    return onBehalfOfRequest(job, () => this.groups.onSettled(job.data));
  }
}
