import fs from 'node:fs';
import path from 'node:path';
import type { RunningServer } from '../server.ts';
import { hasPendingFirstAdministrator } from './user.repository.ts';

/**
 * The first-run password never goes to standard output or a log (both end up
 * in journald or docker logs): it is written once to a file readable only by
 * its owner in the data directory, and must be changed at the first sign-in.
 * The file is removed at a later start once the password has been changed.
 */
export async function handOverFirstPassword(
  dataDir: string,
  server: Pick<RunningServer, 'firstAdministrator' | 'connection'>,
): Promise<string | null> {
  const file = path.join(dataDir, FIRST_PASSWORD_FILE);
  if (!server.firstAdministrator) {
    if (fs.existsSync(file)) {
      if (!(await hasPendingFirstAdministrator(server.connection.db)))
        fs.rmSync(file, { force: true });
    }
    return null;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.rmSync(file, { force: true });
  fs.writeFileSync(
    file,
    `${server.firstAdministrator.email}\n${server.firstAdministrator.password}\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return file;
}

export const FIRST_PASSWORD_FILE = 'first-administrator-password.txt';
