import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PreconditionError } from '../shared/domain-errors.ts';
import type { ExportGeometry } from './geojson-writer.ts';

/** The web app's own region boundaries (public/regions.geojson, copied into its build). */
const SOURCE_TREE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../web/public/regions.geojson',
);

const loaded = new Map<string, Promise<Map<string, ExportGeometry>>>();

/**
 * The polygons of the federal subjects by region code, read once from the
 * boundaries the map draws: those of the built web app, else of the source
 * tree. An installation without either cannot export regions as GeoJSON,
 * and says so.
 */
export function regionBoundaries(
  webDist: string | undefined,
): Promise<Map<string, ExportGeometry>> {
  const candidates = [webDist && path.join(webDist, 'regions.geojson'), SOURCE_TREE_FILE];
  const file = candidates.find((f): f is string => Boolean(f) && existsSync(f!));
  if (!file)
    return Promise.reject(
      new PreconditionError(
        'Границы регионов не найдены (regions.geojson веб-приложения): GeoJSON регионов недоступен, выгрузите CSV или XLSX',
        'Region boundaries are missing (the web app’s regions.geojson): regions cannot be exported as GeoJSON; choose CSV or XLSX',
        { code: 'region_boundaries_missing' },
      ),
    );
  let boundaries = loaded.get(file);
  if (!boundaries) {
    boundaries = readFile(file, 'utf8').then((text) => {
      const collection = JSON.parse(text) as {
        features: { properties: { code: string }; geometry: ExportGeometry }[];
      };
      return new Map(collection.features.map((f) => [f.properties.code, f.geometry]));
    });
    loaded.set(file, boundaries);
  }
  return boundaries;
}
