// Shapes of the dossier answers of the API (GET /dossiers, /dossiers/:code, …/apologies).
import type { HistoryEntry } from '../api/types';

export interface ApologySlip {
  id: string;
  round: number;
  trigger: 'delay-reported' | 'overdue';
  status: 'draft' | 'issued';
  /** As printed, e.g. "3/PXL-VHXH"; null while a draft. */
  number: string | null;
  missedAppointmentDate: string;
  newAppointmentDate: string;
  reason: string | null;
  signerName: string;
  signerPosition: string;
  draftedOn: string;
  issuedOn: string | null;
  documents: { docx: string; pdf: string };
}

export interface Dossier {
  id: string;
  code: string;
  procedure: { code: string; name: string; processingDays: number };
  applicant: {
    name: string;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  receivedAt: string;
  receivedOn: string;
  handlingUnitId: string;
  state: string;
  stateLabel: string;
  originalAppointmentDate: string;
  appointmentDate: string;
  overdue: boolean;
  late: boolean;
  apologyRound: number;
  apologyPending: { round: number; reason: string; appointmentDate: string } | null;
  resultOn: string | null;
  returnedOn: string | null;
  version: number;
  allowedEvents?: string[];
  apologies?: ApologySlip[];
  history?: HistoryEntry[];
}
