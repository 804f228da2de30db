/** One way to call the API: JSON in and out, the session cookie, errors with their message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message ?? `Lỗi ${status}`);
  }
}

export interface ApiErrorBody {
  statusCode?: number;
  message?: string;
  error?: string;
  fields?: { field: string; message: string }[];
  state?: string;
  stateLabel?: string;
  [key: string]: unknown;
}

type Listener = () => void;
const sessionExpiredListeners = new Set<Listener>();

/** Called when the API answers 401: the session ended (expired or signed out elsewhere). */
export function onSessionExpired(listener: Listener): () => void {
  sessionExpiredListeners.add(listener);
  return () => sessionExpiredListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; query?: Query; form?: FormData } = {},
): Promise<T> {
  const response = await fetch(withQuery(path, init.query), {
    method: init.method ?? (init.body !== undefined || init.form ? 'POST' : 'GET'),
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  });
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== '/auth/login')
      sessionExpiredListeners.forEach((listener) => listener());
    throw new ApiError(response.status, (body as ApiErrorBody) ?? {});
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
