import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from './connection.ts';
import type { LockHolder } from './data-dir-lock.ts';

/**
 * A running server holds its data directory's lock, so a command line that
 * needs the embedded database (today: a backup) asks the server instead,
 * over a Unix socket in a private directory (mode 0700) whose path the
 * server writes into the lock file. Only someone who can read the data
 * directory can find and use it; nothing is exposed on the HTTP port.
 *
 * Protocol: the client sends one JSON line `{"command":"backup"}`; the server
 * answers one JSON line (`{"ok":true,"bytes":N}` or `{"ok":false,"message":…}`)
 * followed, on success, by N bytes.
 */
export interface ControlSocket {
  path: string;
  close(): Promise<void>;
}

export async function startControlSocket(
  connection: Connection,
  snapshot: (c: Connection) => Promise<Buffer>,
): Promise<ControlSocket | null> {
  if (!connection.lock) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-control-'));
  const socketPath = path.join(dir, 'socket');
  const server = net.createServer((socket) => {
    let line = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      line += chunk;
      if (!line.includes('\n')) {
        if (line.length > 1000) socket.destroy();
        return;
      }
      socket.removeAllListeners('data');
      let command: unknown;
      try {
        command = (JSON.parse(line.slice(0, line.indexOf('\n'))) as { command?: unknown }).command;
      } catch {
        command = undefined;
      }
      if (command !== 'backup') {
        socket.end(JSON.stringify({ ok: false, message: 'unknown command' }) + '\n');
        return;
      }
      snapshot(connection).then(
        (bytes) => {
          socket.write(JSON.stringify({ ok: true, bytes: bytes.length }) + '\n');
          socket.end(bytes);
        },
        (error: unknown) =>
          socket.end(
            JSON.stringify({
              ok: false,
              message: error instanceof Error ? error.message : String(error),
            }) + '\n',
          ),
      );
    });
  });
  // Unix socket paths are limited to ~107 bytes; without the socket the server still runs,
  // and a backup then needs the server stopped.
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(socketPath, () => resolve(true));
  });
  if (!listening) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  fs.chmodSync(socketPath, 0o600);
  server.unref();
  connection.lock.update({ control: socketPath });
  return {
    path: socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

/** Asks the server that holds a data directory for a backup; resolves to the backup's bytes. */
export function requestBackup(holder: LockHolder): Promise<Buffer> {
  const control = holder.control;
  if (!control) return Promise.reject(new Error('the server has no control socket'));
  return new Promise<Buffer>((resolve, reject) => {
    const socket = net.createConnection(control);
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(JSON.stringify({ command: 'backup' }) + '\n'));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      if (newline < 0) return reject(new Error('no answer from the server'));
      const head = JSON.parse(all.subarray(0, newline).toString('utf8')) as {
        ok: boolean;
        bytes?: number;
        message?: string;
      };
      if (!head.ok) return reject(new Error(head.message ?? 'the server refused'));
      const body = all.subarray(newline + 1);
      if (body.length !== head.bytes)
        return reject(new Error(`incomplete backup: ${body.length} of ${head.bytes} bytes`));
      resolve(body);
    });
  });
}
