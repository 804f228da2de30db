export * from './evidence-storage';
export * from './evidence-type';
export * from './evidence.module';
export {
  EVIDENCE_MAX_BYTES,
  EvidenceService,
  type EvidenceDownload,
  type EvidenceUpload,
  type EvidenceView,
} from './evidence.service';
export { LocalEvidenceStorage } from './local-evidence-storage';
