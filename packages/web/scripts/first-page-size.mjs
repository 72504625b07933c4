#!/usr/bin/env node
// Prints the gzipped size of the JavaScript the first page loads.
//
// 1. "index.html": every <script src> and <link rel="modulepreload"> in dist/index.html
//    (what the browser fetches before anything renders) — the figure the
//    ≤ 350 KB budget is measured against.
// 2. "map page, total": the above plus the chunks the map route imports
//    dynamically right after the first render (MapLibre and the map
//    component), found by following import() edges from the entry chunk.
//
// Usage: node packages/web/scripts/first-page-size.mjs [distDir]
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(
  process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'),
);
const indexHtml = path.join(dist, 'index.html');
if (!existsSync(indexHtml)) {
  console.error(`${indexHtml} is missing: run \`npm run build -w @promatlas/web\` first.`);
  process.exit(1);
}
const html = readFileSync(indexHtml, 'utf8');
const urls = new Set();
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.m?js)"/g)) urls.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) urls.add(m[1]);

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const fileOf = (url) => path.join(dist, url.replace(/^\//, ''));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let total = 0;
console.log('JavaScript loaded by index.html (gzip -9):');
for (const url of urls) {
  const size = gz(fileOf(url));
  total += size;
  console.log(`  ${kb(size).padStart(10)}  ${url}`);
}
console.log(`  ${kb(total).padStart(10)}  total (budget 350 KB)`);

// The map route's dynamic imports: import("./RegionMap-….js") in the entry chunk and its static imports.
const entry = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.m?js)"/g)].map((m) => m[1])[0];
const seen = new Set(urls);
const queue = [];
const entrySource = readFileSync(fileOf(entry), 'utf8');
for (const m of entrySource.matchAll(/import\(["'`]\.\/(RegionMap-[^"'`]+\.js)["'`]\)/g))
  queue.push(`/assets/${m[1]}`);
let extra = 0;
const extraLines = [];
while (queue.length) {
  const url = queue.shift();
  if (seen.has(url)) continue;
  seen.add(url);
  const size = gz(fileOf(url));
  extra += size;
  extraLines.push(`  ${kb(size).padStart(10)}  ${url}`);
  const source = readFileSync(fileOf(url), 'utf8');
  for (const m of source.matchAll(
    /from\s*["'`]\.\/([^"'`]+\.js)["'`]|import\s*["'`]\.\/([^"'`]+\.js)["'`]/g,
  ))
    queue.push(`/assets/${m[1] ?? m[2]}`);
}
console.log('Loaded by the map page right after the first render (lazy MapLibre):');
for (const line of extraLines) console.log(line);
console.log(`  ${kb(total + extra).padStart(10)}  map page, total`);
