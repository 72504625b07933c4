import { useEffect, useState } from 'react';
import type { ErrorResponse } from '@promatlas/core/api/common.schema.ts';

/** An API error with the server's Russian message (or a network failure). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('Сервер недоступен. Проверьте, что PromAtlas запущен.', 0, 'network');
  }
  if (!response.ok) {
    let body: ErrorResponse | undefined;
    try {
      body = (await response.json()) as ErrorResponse;
    } catch {
      body = undefined;
    }
    throw new ApiError(
      body?.error?.message ?? `Ошибка сервера (${response.status})`,
      response.status,
      body?.error?.code ?? 'http',
    );
  }
  return (await response.json()) as T;
}

/** Builds "/api/x?a=1&b=2", dropping empty parameters. */
export function apiUrl(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/** Fetches a GET endpoint whenever the URL changes; null URL fetches nothing. */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<ApiState<T> & { url: string | null }>({
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
  }, [url]);
  // While a new URL loads, keep showing the previous data (no flicker in lists).
  return { data: state.data, error: state.error, loading: state.loading || state.url !== url };
}
