import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `promatlas serve` on an empty data directory, as a person installing PromAtlas runs it. */
describe('the first start of promatlas serve', () => {
  it('writes the first administrator password to an owner-only file, never to the console, and it must be changed at sign-in', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-first-run-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PROMATLAS_LOG_LEVEL: 'info' };
    delete env['DATABASE_URL'];
    const child = spawn(
      'node',
      ['bin/promatlas.js', 'serve', '--port', '0', '--data-dir', dataDir, '--no-demo'],
      { cwd: SERVER, env },
    );
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${out}`)), 90_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /PromAtlas: (http:\/\/\S+)[\s\S]*Создан администратор/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      const file = path.join(dataDir, 'first-administrator-password.txt');
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const [email, password] = fs.readFileSync(file, 'utf8').trim().split('\n');
      expect(password!.length).toBeGreaterThanOrEqual(20);
      expect(out).toContain(file);
      expect(out).not.toContain(password);
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      expect(login.status).toBe(200);
      const body = (await login.json()) as { user: { mustChangePassword: boolean } };
      expect(body.user.mustChangePassword).toBe(true);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(out).not.toMatch(/с паролем/);
  }, 150_000);
});
