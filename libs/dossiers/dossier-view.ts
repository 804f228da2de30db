import { DOSSIER_STATE_LABELS, DossierState, IsoDate, PendingApology, Role } from '@cchc/domain';
import { ApologySlipEntity, ProcedureEntity, TthcDossierEntity } from '@cchc/database';
import { HistoryEntry } from '@cchc/engine';

export interface ApologySlipView {
  id: string;
  round: number;
  trigger: ApologySlipEntity['trigger'];
  status: ApologySlipEntity['status'];
  /** As printed, e.g. "03/PXL-VHXH"; null while a draft. */
  number: string | null;
  missedAppointmentDate: IsoDate;
  newAppointmentDate: IsoDate;
  reason: string | null;
  signerName: string;
  signerPosition: string;
  draftedOn: IsoDate;
  issuedOn: IsoDate | null;
  /** Null for a viewer who may not see the applicant's contact details, which the slip prints. */
  documents: { docx: string; pdf: string } | null;
}

/** A dossier as the API shows it. */
export interface DossierView {
  id: string;
  code: string;
  procedure: { code: string; name: string; processingDays: number };
  /** Contact details only for those who handle the dossier and inspectors (`seesApplicantContact`). */
  applicant: {
    name: string;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  receivedAt: Date;
  receivedOn: IsoDate;
  handlingUnitId: string;
  state: DossierState;
  stateLabel: string;
  originalAppointmentDate: IsoDate;
  appointmentDate: IsoDate;
  /** Overdue now (`isOverdueOn`): what the list's overdue filter and the figures' openOverdue count. */
  overdue: boolean;
  /** Missed, or announced it would miss, an appointment at least once; stays once returned. */
  late: boolean;
  /** While waiting for a supplement: when the clock stopped and the working days then left. */
  clockStopped: { since: IsoDate; remainingWorkingDays: number } | null;
  apologyRound: number;
  apologyPending: PendingApology | null;
  resultOn: IsoDate | null;
  returnedOn: IsoDate | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Only on GET /dossiers/:code and after an event. */
  allowedEvents?: string[];
  apologies?: ApologySlipView[];
  history?: HistoryEntry[];
}

/** Who is looking at a dossier. */
export interface DossierViewer {
  role: Role;
  unitId: string | null;
}

/**
 * An applicant's phone, address and email are personal data: shown to the one-stop desk, the
 * chairman, inspectors and the staff of the handling unit; everyone else sees the name only.
 */
export function seesApplicantContact(viewer: DossierViewer, handlingUnitId: string): boolean {
  switch (viewer.role) {
    case 'one_stop_officer':
    case 'chairman':
    case 'inspector':
      return true;
    case 'unit_head':
    case 'officer':
      return viewer.unitId !== null && viewer.unitId === handlingUnitId;
    default:
      return false;
  }
}

/** In hand: judged by its appointment, as is a supplement awaited after a missed one (`may_be_overdue`). */
const JUDGED_BY_APPOINTMENT: readonly DossierState[] = ['received', 'processing', 'resultReady'];

/**
 * Overdue on `today`, by the rule of the list's filter (`OVERDUE_SQL`) and the figures'
 * openOverdue: judged by its appointment, and marked overdue or past it — a result waiting to be
 * handed over past its appointment is overdue though no timer marks it.
 */
export function isOverdueOn(
  dossier: Pick<TthcDossierEntity, 'state' | 'overdue' | 'appointmentDate'>,
  today: IsoDate,
): boolean {
  const marked = Boolean(dossier.overdue);
  const judged =
    JUDGED_BY_APPOINTMENT.includes(dossier.state) ||
    (dossier.state === 'supplementRequested' && marked);
  return judged && (marked || dossier.appointmentDate < today);
}

export function toDossierView(
  dossier: TthcDossierEntity,
  procedure: ProcedureEntity,
  viewer: DossierViewer,
  today: IsoDate,
  details: Pick<DossierView, 'allowedEvents' | 'apologies' | 'history'> = {},
): DossierView {
  return {
    id: dossier.id,
    code: dossier.code,
    procedure: {
      code: procedure.code,
      name: procedure.name,
      processingDays: procedure.processingDays,
    },
    applicant: seesApplicantContact(viewer, dossier.handlingUnitId)
      ? {
          name: dossier.applicantName,
          address: dossier.applicantAddress,
          phone: dossier.applicantPhone,
          email: dossier.applicantEmail,
        }
      : { name: dossier.applicantName },
    receivedAt: dossier.receivedAt,
    receivedOn: dossier.receivedOn,
    handlingUnitId: dossier.handlingUnitId,
    state: dossier.state,
    stateLabel: DOSSIER_STATE_LABELS[dossier.state],
    originalAppointmentDate: dossier.originalAppointmentDate,
    appointmentDate: dossier.appointmentDate,
    overdue: isOverdueOn(dossier, today),
    late: Boolean(dossier.late),
    // Columns of the row (virtual, from the snapshot): a list row comes without its snapshot.
    clockStopped:
      dossier.pausedOn != null
        ? { since: dossier.pausedOn, remainingWorkingDays: dossier.remainingWorkingDays ?? 0 }
        : null,
    apologyRound: dossier.apologyRound,
    apologyPending: dossier.apologyPending,
    resultOn: dossier.resultOn,
    returnedOn: dossier.returnedOn,
    version: dossier.version,
    createdAt: dossier.createdAt,
    updatedAt: dossier.updatedAt,
    ...details,
  };
}

export function toApologySlipView(
  slip: ApologySlipEntity,
  withDocuments: boolean,
): ApologySlipView {
  return {
    id: slip.id,
    round: slip.round,
    trigger: slip.trigger,
    status: slip.status,
    number: slip.numberText,
    missedAppointmentDate: slip.missedAppointmentDate,
    newAppointmentDate: slip.newAppointmentDate,
    reason: slip.reason,
    signerName: slip.signerName,
    signerPosition: slip.signerPosition,
    draftedOn: slip.draftedOn,
    issuedOn: slip.issuedOn,
    documents: withDocuments
      ? {
          docx: `/apologies/${slip.id}/document?format=docx`,
          pdf: `/apologies/${slip.id}/document?format=pdf`,
        }
      : null,
  };
}
