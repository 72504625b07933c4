import type { ExportColumn } from './export-format.ts';

/** A GeoJSON geometry as written: a point, or a region's polygons. */
export type ExportGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

/**
 * A GeoJSON FeatureCollection (RFC 7946, WGS 84 longitude/latitude) written
 * batch by batch: one feature per row that has a location, the columns
 * as properties under their stable keys. Rows without coordinates are left
 * out — a feature needs a place — and counted in the collection's
 * `skippedWithoutLocation` member, so the reader knows some were.
 */
export async function* geojsonChunks<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  locate: (row: Row) => ExportGeometry | null,
): AsyncGenerator<Buffer> {
  yield Buffer.from('{"type":"FeatureCollection","features":[\n');
  let first = true;
  let skipped = 0;
  for await (const batch of batches) {
    const parts: string[] = [];
    for (const row of batch) {
      const at = locate(row);
      if (!at) {
        skipped++;
        continue;
      }
      const properties = Object.fromEntries(columns.map((c) => [c.key, c.value(row)]));
      parts.push(
        JSON.stringify({
          type: 'Feature',
          geometry: at,
          properties,
        }),
      );
    }
    if (parts.length) {
      yield Buffer.from((first ? '' : ',\n') + parts.join(',\n'));
      first = false;
    }
  }
  yield Buffer.from(`\n],"skippedWithoutLocation":${skipped}}\n`);
}

/** Both coordinates present and on the globe, else no location. */
export function pointOf(row: {
  latitude: number | null;
  longitude: number | null;
}): ExportGeometry | null {
  const { latitude, longitude } = row;
  if (latitude === null || longitude === null) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { type: 'Point', coordinates: [longitude, latitude] };
}
