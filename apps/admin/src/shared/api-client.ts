import { buildPath, endpoints, type ApiError, type Attachment, type EndpointInput, type EndpointName, type EndpointResponse } from '@guantong/contracts';

/** A failed API call: the server's stable `code` and its message, already in the user's language. */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiError['details'];

  constructor(status: number, body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
}

/**
 * The session is gone (expired, signed out elsewhere). Only these codes mean that: other 401 answers
 * (a wrong one-time code while turning on two-factor sign-in, TOTP_INVALID) leave the session alive.
 */
export function isSessionEnded(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED');
}

export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

type Parts<N extends EndpointName> = EndpointInput<N>;

/** What `callApi` needs for an endpoint: only the parts the contract declares (query is always optional). */
export type CallInput<N extends EndpointName> = (Parts<N>['params'] extends undefined ? unknown : { params: Parts<N>['params'] }) &
  (Parts<N>['query'] extends undefined ? unknown : { query?: Parts<N>['query'] }) &
  (Parts<N>['body'] extends undefined ? unknown : { body: Parts<N>['body'] });

type CallArgs<N extends EndpointName> = object extends CallInput<N> ? [input?: CallInput<N>, options?: CallOptions] : [input: CallInput<N>, options?: CallOptions];

export interface CallOptions {
  signal?: AbortSignal;
}

// The CSRF token of the current session; the session provider keeps it up to date.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Text shown when the network itself fails; the server is not there to say it in the user's language. */
let networkErrorMessage = '网络连接失败，请检查网络后重试';
export function setNetworkErrorMessage(message: string): void {
  networkErrorMessage = message;
}

/** `?a=1&b=x,y` for a query object (arrays as comma-separated lists, as the contracts read them); '' when empty. */
export function queryString(query: unknown): string {
  if (!query || typeof query !== 'object') return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls one endpoint of the contract: path, method and types all come from `@guantong/contracts`.
 * Sends the session cookie, the CSRF token on state changes, and turns `{ code, message }` answers into ApiRequestError.
 */
export async function callApi<N extends EndpointName>(name: N, ...[input, options]: CallArgs<N>): Promise<EndpointResponse<N>> {
  const endpoint = endpoints[name];
  const parts = (input ?? {}) as { params?: Record<string, string>; query?: unknown; body?: unknown };
  const url = buildPath(endpoint.path, parts.params) + queryString(parts.query);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const changesState = endpoint.method !== 'GET';
  if (changesState && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const hasBody = 'body' in endpoint && endpoint.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';

  return send<EndpointResponse<N>>(url, {
    method: endpoint.method,
    headers,
    body: hasBody ? JSON.stringify(parts.body ?? {}) : undefined,
    signal: options?.signal,
  });
}

/** One request with the session cookie; a JSON answer, or ApiRequestError with the server's code and message. */
async function send<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, { code: 'NETWORK_ERROR', message: networkErrorMessage });
  }
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    const body = payload as Partial<ApiError> | undefined;
    throw new ApiRequestError(response.status, {
      code: typeof body?.code === 'string' ? body.code : 'HTTP_' + response.status,
      message: typeof body?.message === 'string' ? body.message : `${response.status} ${response.statusText}`,
      details: body?.details,
    });
  }
  return payload as T;
}

/**
 * Uploads one file to `POST /api/files` (multipart field `file`) and answers its attachment record;
 * the id then goes with the form that uses the file. The server checks the type from the bytes.
 */
export async function uploadFile(file: Blob, fileName?: string, options?: CallOptions): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'attachment'));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return send<Attachment>('/api/files', { method: 'POST', headers, body: form, signal: options?.signal });
}

/** Where an uploaded or generated file downloads from; the API checks the reader may see what it belongs to. */
export function fileContentUrl(id: string): string {
  return `/api/files/${encodeURIComponent(id)}/content`;
}
