/**
 * One way to call the API: openapi-fetch typed by the API's own OpenAPI document (schema.d.ts,
 * `npm run api:types`), with the session cookie; a refusal becomes an ApiError with its message.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiErrorBody = Partial<components['schemas']['ErrorDto']> & { [key: string]: unknown };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `Lỗi ${status}`);
  }
}

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

/** Called when the API answers 401: the session ended (expired or signed out elsewhere). */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/** `?a=1&b=x` of the values that are set (blank ones left out, as the filters expect). */
export function queryString(query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export function withQuery(path: string, query?: Query): string {
  const text = queryString(query);
  return text ? `${path}?${text}` : path;
}

/** A wrong password at sign-in is a 401 too, but no session has ended then. */
const sessionEnds: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401 && new URL(request.url).pathname !== '/auth/login')
      sessionExpiredListeners.forEach((listener) => listener());
  },
};

export const http = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  querySerializer: (query) => queryString(query as Query),
  // Looked up on each call, so that tests may replace fetch.
  fetch: (request) => globalThis.fetch(request),
});
http.use(sessionEnds);

/** The answer's data, or an ApiError carrying the API's (Vietnamese) message. */
export async function data<T>(
  answer: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) {
    // A body that is not JSON is the message; an empty one says nothing (the status will).
    const body = typeof error === 'string' ? (error ? { message: error } : {}) : (error ?? {});
    throw new ApiError(response.status, body as ApiErrorBody);
  }
  return data as T;
}

/** A multipart body of one file (openapi-fetch passes FormData through untouched). */
export function fileForm(body: { file: Blob | string }): FormData {
  const form = new FormData();
  form.append('file', body.file);
  return form;
}
