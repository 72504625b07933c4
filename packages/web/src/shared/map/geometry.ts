import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export interface RegionProperties {
  code: string;
  name: string;
}
export type RegionCollection = FeatureCollection<Geometry, RegionProperties>;

/** Signed area and centroid of one ring (shoelace formula in lon/lat degrees). */
function ringCentroid(ring: Position[]): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j] as [number, number];
    const [x1, y1] = ring[i] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) {
    const first = ring[0] as [number, number];
    return { area: 0, x: first[0], y: first[1] };
  }
  return { area, x: x / (6 * area), y: y / (6 * area) };
}

/**
 * A point to stand for a region: the centroid of its largest polygon, so that
 * islands (Сахалин, Курилы) and exclaves do not pull the point into the sea.
 */
export function regionCentroid(
  feature: Feature<Geometry, RegionProperties>,
): [number, number] | null {
  const g = feature.geometry;
  const polygons: Position[][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer || outer.length < 3) continue;
    const c = ringCentroid(outer);
    if (!best || Math.abs(c.area) > Math.abs(best.area)) best = c;
  }
  return best ? [best.x, best.y] : null;
}

export function centroidsByCode(regions: RegionCollection): Map<string, [number, number]> {
  const result = new Map<string, [number, number]>();
  for (const feature of regions.features) {
    const c = regionCentroid(feature);
    if (c) result.set(feature.properties.code, c);
  }
  return result;
}
