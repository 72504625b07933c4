import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `npm start` runs the esbuild bundle, not the TypeScript: it must find everything it reads at run time. */
describe('the server bundle that npm start runs', () => {
  it('builds, starts on an empty data directory, loads the demo and the shipped Rosstat table, and answers search', async () => {
    const build = spawnSync('node', ['scripts/build.mjs'], { cwd: SERVER, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bundle-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PROMATLAS_LOG_LEVEL: 'warn' };
    delete env['DATABASE_URL'];
    const child = spawn(
      'node',
      ['bin/promatlas-bundle.mjs', 'serve', '--port', '0', '--data-dir', dataDir],
      { cwd: SERVER, env },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${out}`)), 90_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          const m = /PromAtlas: (http:\/\/\S+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const search = (await (
        await fetch(`${url}/api/search?q=${encodeURIComponent('Липецкой')}`)
      ).json()) as { items: Array<{ title: string }> };
      expect(search.items.map((i) => i.title)).toContain('ОЭЗ «Липецк»');
      // The shipped Rosstat table is read from dist/data and imported after start.
      const deadline = Date.now() + 60_000;
      let names: string[] = [];
      while (Date.now() < deadline) {
        const list = (await (await fetch(`${url}/api/datasets`)).json()) as {
          items: Array<{ name: string; measure: string }>;
        };
        names = list.items.filter((d) => d.measure === 'establishments').map((d) => d.name);
        if (names.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(names).toEqual([
        'Росстат: количество организаций по субъектам РФ и видам деятельности ОКВЭД2',
      ]);
    } finally {
      child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
