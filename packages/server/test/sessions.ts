import type { AppInstance } from '../src/http/app-instance.ts';
import { createUser } from '../src/users/user.service.ts';

export type Role = 'administrator' | 'regional_editor' | 'analyst' | 'public';

/** A signed-in client: sends the session cookie and the CSRF token like the web app does. */
export interface Client {
  role: Role;
  request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T }>;
}

let counter = 0;

export async function signIn(
  app: AppInstance,
  role: Role,
  regions: string[] = [],
): Promise<Client> {
  if (role === 'public') {
    return {
      role,
      async request<T>(
        method: string,
        url: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) {
        const res = await app.inject({
          method: method as 'GET',
          url,
          ...(body !== undefined ? { payload: body as object } : {}),
          headers,
        });
        return { status: res.statusCode, body: (res.body ? safeJson(res.body) : null) as T };
      },
    };
  }
  const email = `${role}.${++counter}.${Date.now()}@test.promatlas`;
  const password = 'correct horse battery staple';
  await createUser(app.deps.db, {
    email,
    displayName: `${role} ${counter}`,
    role,
    regions,
    password,
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json().csrfToken as string;
  return {
    role,
    async request<T>(
      method: string,
      url: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(body !== undefined ? { payload: body as object } : {}),
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
      });
      return { status: res.statusCode, body: (res.body ? safeJson(res.body) : null) as T };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
