export { parseDeadline } from './parse-deadline';
export { foldVietnamese, normalizeDeadlineText } from './normalize';
