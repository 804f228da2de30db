import { Foundation1763800000000 } from './1763800000000-foundation';
import { CalendarYears1763800100000 } from './1763800100000-calendar-years';
import { Plans1763800200000 } from './1763800200000-plans';
import { Deadlines1763800300000 } from './1763800300000-deadlines';
import { Dossiers1763800400000 } from './1763800400000-dossiers';
import { OutboxDeadLetters1763800500000 } from './1763800500000-outbox-dead-letters';
import { DossierCodesPerWard1763800700000 } from './1763800700000-dossier-codes-per-ward';
import { PlanImportRules1763800800000 } from './1763800800000-plan-import-rules';
import { EvidenceFiles1763800900000 } from './1763800900000-evidence-files';
import { AuditChain1763801000000 } from './1763801000000-audit-chain';
import { Inspections1763801100000 } from './1763801100000-inspections';
import { TargetsParIndex1763801200000 } from './1763801200000-targets-par-index';
import { Provisioning1763801300000 } from './1763801300000-provisioning';
import { PasswordChangedAt1763801300001 } from './1763801300001-password-changed-at';
import { PeriodicReports1763801250000 } from './1763801250000-periodic-reports';
import { DossierFiguresIndex1763801600000 } from './1763801600000-dossier-figures-index';
import { AuditWardChainIndex1763802100000 } from './1763802100000-audit-ward-chain-index';
import { WardEvidence1763802200000 } from './1763802200000-ward-evidence';
import { DossierCounts1763802300000 } from './1763802300000-dossier-counts';
import { ListIndexes1763802400000 } from './1763802400000-list-indexes';
import { DossierLateOn1763802500000 } from './1763802500000-dossier-late-on';
import { DossierCountsAsOf1763802510000 } from './1763802510000-dossier-counts-as-of';
import { VisitMinutesNumbers1763802700000 } from './1763802700000-visit-minutes-numbers';
import { DocumentSequences1763802900000 } from './1763802900000-document-sequences';
import { TaskCounts1763803100000 } from './1763803100000-task-counts';
import { TaskStateListIndex1763803110000 } from './1763803110000-task-state-list-index';
import { InboxIndexes1763803300000 } from './1763803300000-inbox-indexes';
import { AuditWardOrderIndex1763803400000 } from './1763803400000-audit-ward-order-index';
import { TaskSearchTerms1763803500000 } from './1763803500000-task-search-terms';
import { DossierListFilters1763803550000 } from './1763803550000-dossier-list-filters';
import { InboxTaskFacts1763803600000 } from './1763803600000-inbox-task-facts';
import { DossierCountsDueMonth1763803650000 } from './1763803650000-dossier-counts-due-month';
import { ReportRevisionSignatures1763803700000 } from './1763803700000-report-revision-signatures';
import { ParSurveyPlanKind1763803750000 } from './1763803750000-par-survey-plan-kind';
import { ComposedTaskText1763803900000 } from './1763803900000-composed-task-text';
import { DossierCountsInHand1763804000000 } from './1763804000000-dossier-counts-in-hand';
import { TaskListUnitPlanIndexes1763804200000 } from './1763804200000-task-list-unit-plan-indexes';
import { NotificationsUnreadIndex1763804300000 } from './1763804300000-notifications-unread-index';
import { DossierClosedOn1763804400000 } from './1763804400000-dossier-closed-on';
import { ContributionWardIndex1763804500000 } from './1763804500000-contribution-ward-index';
import { DossierListOverdue1763804600000 } from './1763804600000-dossier-list-overdue';
import { ReportRevisionSigner1763804700000 } from './1763804700000-report-revision-signer';
import { DossierListSearch1763804800000 } from './1763804800000-dossier-list-search';
import { ReportSignatureWithdrawal1763804910000 } from './1763804910000-report-signature-withdrawal';
import { ListSnapshotFacts1763805000000 } from './1763805000000-list-snapshot-facts';

/** Every migration, oldest first. TypeORM runs the ones the database has not seen. */
export const MIGRATIONS = [
  Foundation1763800000000,
  CalendarYears1763800100000,
  Plans1763800200000,
  Deadlines1763800300000,
  Dossiers1763800400000,
  OutboxDeadLetters1763800500000,
  DossierCodesPerWard1763800700000,
  PlanImportRules1763800800000,
  EvidenceFiles1763800900000,
  AuditChain1763801000000,
  Inspections1763801100000,
  TargetsParIndex1763801200000,
  PeriodicReports1763801250000,
  Provisioning1763801300000,
  PasswordChangedAt1763801300001,
  DossierFiguresIndex1763801600000,
  AuditWardChainIndex1763802100000,
  WardEvidence1763802200000,
  DossierCounts1763802300000,
  ListIndexes1763802400000,
  DossierLateOn1763802500000,
  DossierCountsAsOf1763802510000,
  VisitMinutesNumbers1763802700000,
  DocumentSequences1763802900000,
  TaskCounts1763803100000,
  TaskStateListIndex1763803110000,
  InboxIndexes1763803300000,
  AuditWardOrderIndex1763803400000,
  TaskSearchTerms1763803500000,
  DossierListFilters1763803550000,
  InboxTaskFacts1763803600000,
  DossierCountsDueMonth1763803650000,
  ReportRevisionSignatures1763803700000,
  ParSurveyPlanKind1763803750000,
  ComposedTaskText1763803900000,
  DossierCountsInHand1763804000000,
  TaskListUnitPlanIndexes1763804200000,
  NotificationsUnreadIndex1763804300000,
  DossierClosedOn1763804400000,
  ContributionWardIndex1763804500000,
  DossierListOverdue1763804600000,
  ReportRevisionSigner1763804700000,
  DossierListSearch1763804800000,
  ReportSignatureWithdrawal1763804910000,
  ListSnapshotFacts1763805000000,
];
