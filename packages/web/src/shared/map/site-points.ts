import type { FeatureCollection, Point } from 'geojson';
import type { SiteListItem } from '@promatlas/core/api/registry.schema.ts';

/** A site as a map point; sites without coordinates sit at their region's centre, marked approximate. */
export interface SiteProperties {
  id: number;
  name: string;
  kind: string;
  region: string;
  approximate: boolean;
}

export function sitesToGeoJson(
  sites: SiteListItem[],
  centroids: Map<string, [number, number]>,
): FeatureCollection<Point, SiteProperties> {
  const features: FeatureCollection<Point, SiteProperties>['features'] = [];
  for (const site of sites) {
    let coordinates: [number, number] | undefined;
    let approximate = false;
    if (site.latitude !== null && site.longitude !== null) {
      // Keep Chukotka's points on the same side of the seam as its polygon.
      coordinates = [site.longitude < 0 ? site.longitude + 360 : site.longitude, site.latitude];
    } else if (site.region) {
      coordinates = centroids.get(site.region.code);
      approximate = true;
    }
    if (!coordinates) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: {
        id: site.id,
        name: site.name,
        kind: site.kind,
        region: site.region?.name ?? '',
        approximate,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
