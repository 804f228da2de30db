export { parseDeadline, type DeadlineConfidence, type DeadlineReading } from './parse-deadline';
export { foldVietnamese, normalizeDeadlineText } from './normalize';
