/** Error codes the client makes up itself when there is no `{ code, message }` body to read. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE';

/** A failed API call: the server's stable `code` (or a client code) and its localized `message`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: { path: string; message: string }[];

  constructor(status: number, code: string, message: string, details?: { path: string; message: string }[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Gives up after this long (cheap phones on weak networks: keep it generous). */
  timeoutMs?: number;
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: { path: string; message: string }[] } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

/** The page's language (set before the first paint and on every switch), so server messages match the UI. */
function requestLanguage(): string {
  return document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
}

function errorFrom(status: number, data: unknown): ApiError {
  if (isErrorBody(data)) return new ApiError(status, data.code, data.message, data.details);
  return new ApiError(status, 'BAD_RESPONSE', `HTTP ${status}`);
}

/** Minimal JSON fetch against the same-origin API; every failure becomes an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, timeoutMs = 15_000 } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = window.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': requestLanguage(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller cancelled: not an API failure
    throw timedOut ? new ApiError(0, 'TIMEOUT', 'Request timed out') : new ApiError(0, 'NETWORK_ERROR', 'Network request failed');
  } finally {
    window.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }

  const text = await response.text().catch(() => '');
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) throw errorFrom(response.status, data);
  if (text && data === undefined) throw new ApiError(response.status, 'BAD_RESPONSE', 'Response is not JSON');
  return data as T;
}

export function apiGet<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'GET' });
}

export function apiPost<T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
  return apiRequest<T>(path, { ...options, method: 'POST', body });
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Called as the request body goes out: bytes sent and total (total is 0 when unknown). */
  onProgress?(sent: number, total: number): void;
  /** Idle limit: gives up when nothing has moved for this long (uploads on weak networks take a while). */
  idleTimeoutMs?: number;
}

/**
 * POSTs multipart form data. XMLHttpRequest rather than fetch, because only it reports upload progress,
 * which matters when a citizen sends photos over a weak mobile connection.
 */
export function apiUpload<T>(path: string, form: FormData, options: UploadOptions = {}): Promise<T> {
  const { signal, onProgress, idleTimeoutMs = 60_000 } = options;
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let idleTimer = 0;
    let timedOut = false;
    const touch = () => {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(() => {
        timedOut = true;
        xhr.abort();
      }, idleTimeoutMs);
    };
    const done = () => {
      window.clearTimeout(idleTimer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => xhr.abort();

    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', requestLanguage());
    xhr.upload.onprogress = (event) => {
      touch();
      onProgress?.(event.loaded, event.lengthComputable ? event.total : 0);
    };
    xhr.onprogress = touch;
    xhr.onload = () => {
      done();
      let data: unknown = undefined;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status < 200 || xhr.status >= 300) reject(errorFrom(xhr.status, data));
      else if (data === undefined) reject(new ApiError(xhr.status, 'BAD_RESPONSE', 'Response is not JSON'));
      else resolve(data as T);
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError(0, 'NETWORK_ERROR', 'Network request failed'));
    };
    xhr.onabort = () => {
      done();
      if (timedOut) reject(new ApiError(0, 'TIMEOUT', 'Request timed out'));
      else reject(new DOMException('Aborted', 'AbortError'));
    };
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    touch();
    xhr.send(form);
  });
}
