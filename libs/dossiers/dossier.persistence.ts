import { PersistedWorkflow } from '@cchc/engine';
import { QUEUES } from '@cchc/queue';
import { TthcDossierMachine, tthcDossierWorkflow } from '@cchc/workflows';
import { notifyInTransaction } from '@cchc/notifications';

/** TTHC dossiers live in `tthc_dossiers`; these columns mirror the snapshot for lists and figures. */
export const tthcDossierPersistence: PersistedWorkflow<TthcDossierMachine> = {
  definition: tthcDossierWorkflow,
  instanceType: 'tthc-dossier',
  table: 'tthc_dossiers',
  project: ({ value, context }) => ({
    state: value,
    appointment_date: context.appointmentDate,
    overdue: context.overdue,
    apology_round: context.apologyRound,
    result_on: context.resultOn,
    returned_on: context.returnedOn,
    late: context.apologyRound > 0 || context.overdue || context.resultLate || context.returnedLate,
    // A snapshot stored before the field existed has none: never late as far as it knows.
    late_on: context.lateSince ?? null,
    // Likewise: a dossier rejected or withdrawn before the field existed has it from the audit.
    closed_on: context.closedOn ?? null,
  }),
  writes: notifyInTransaction,
  jobRoutes: {
    startApology: { queue: QUEUES.apologies, jobName: 'draft' },
    issueApology: { queue: QUEUES.apologies, jobName: 'issue' },
  },
};
