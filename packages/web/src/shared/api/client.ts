import { useCallback, useEffect, useState } from 'react';
import type { ErrorResponse } from '@promatlas/core/api/common.schema.ts';
import { getSession, refreshSession } from '../auth/session.ts';

/** The error body: code, Russian message, field messages, and extra members (conflict, duplicate). */
export type ErrorBody = ErrorResponse['error'] & Record<string, unknown>;

/** An API error with the server's Russian message (or a network failure). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** The whole error body, e.g. { current, currentVersion } of a conflict or { field, existing } of a duplicate. */
    readonly body: ErrorBody | undefined = undefined,
  ) {
    super(message);
  }

  /** Messages about single fields: [{ field: 'okved.0.code', message }]. */
  get fields(): Array<{ field: string; message: string }> {
    return this.body?.fields ?? [];
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: ErrorResponse | undefined;
  try {
    body = (await response.json()) as ErrorResponse;
  } catch {
    body = undefined;
  }
  const error = body?.error as ErrorBody | undefined;
  return new ApiError(
    error?.message ?? `Ошибка сервера (${response.status})`,
    response.status,
    error?.code ?? 'http',
    error,
  );
}

const NETWORK_ERROR = 'Сервер недоступен. Проверьте, что PromAtlas запущен.';

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(NETWORK_ERROR, 0, 'network');
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/**
 * A state-changing request (POST, PATCH, DELETE) with the session's CSRF
 * token in X-CSRF-Token. A refused token (the session changed in another
 * tab) is fetched afresh and the request sent once more.
 */
export async function apiSend<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const send = async () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = getSession().csrfToken;
    if (token) headers['x-csrf-token'] = token;
    // A file (Blob) is sent as it is, streamed by the browser: POST /api/uploads.
    const raw = body instanceof Blob;
    if (body !== undefined)
      headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    try {
      return await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(NETWORK_ERROR, 0, 'network');
    }
  };
  let response = await send();
  if (response.status === 403) {
    const error = await errorOf(response.clone());
    if (error.code === 'csrf') {
      await refreshSession();
      response = await send();
    }
  }
  if (!response.ok) throw await errorOf(response);
  // 204 No Content (e.g. DELETE /api/datasets/:id) has no body to parse.
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Fetches the same URL again (after a change was saved). */
  reload: () => void;
}

/**
 * Fetches a GET URL whenever it changes; null fetches nothing. API routes go
 * through `useRoute` (api.ts); this takes plain URLs (static files such as
 * /regions.geojson) and the URLs `apiPath` builds.
 */
export function useApi<T>(url: string | null): ApiState<T> {
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'> & { url: string | null }>({
    data: undefined,
    error: undefined,
    loading: url !== null,
    url,
  });
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false, url });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, error: undefined, loading: true, url }));
    apiGet<T>(url, controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false, url }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setState({
          data: undefined,
          error: error instanceof ApiError ? error : new ApiError(String(error), 0, 'unknown'),
          loading: false,
          url,
        });
      },
    );
    return () => controller.abort();
  }, [url, generation]);
  // While a new URL loads, keep showing the previous data (no flicker in lists).
  return {
    data: state.data,
    error: state.error,
    loading: state.loading || state.url !== url,
    reload,
  };
}
