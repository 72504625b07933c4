import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { SEZ_COLOUR, SITE_COLOUR } from './colours.ts';
import { ZERO_COLOUR } from './classes.ts';
import type { RegionCollection } from './geometry.ts';

/**
 * The sources and layers of the region map, drawn bottom to top: region fill
 * and outline, highlighted regions with a dot at their centre, then sites.
 * Colours, highlights and sites are filled in later (RegionMap's effects).
 */
export function addRegionLayers(map: MapLibreMap, regions: RegionCollection): void {
  map.addSource('regions', { type: 'geojson', data: regions, promoteId: 'code' });
  map.addSource('sites', {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  map.addLayer({
    id: 'regions-fill',
    type: 'fill',
    source: 'regions',
    paint: { 'fill-color': ZERO_COLOUR, 'fill-opacity': 0.92 },
  });
  map.addLayer({
    id: 'regions-line',
    type: 'line',
    source: 'regions',
    paint: {
      'line-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#111827', '#ffffff'],
      'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2, 0.9],
    },
  });
  // Highlighted regions (none unless asked): a dark outline and a ringed dot at the centre, visible on small regions too.
  map.addSource('highlight-points', {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
  });
  map.addLayer({
    id: 'regions-highlight',
    type: 'line',
    source: 'regions',
    filter: ['in', ['get', 'code'], ['literal', []]],
    paint: { 'line-color': '#111827', 'line-width': 2.2 },
  });
  map.addLayer({
    id: 'highlight-points',
    type: 'circle',
    source: 'highlight-points',
    paint: {
      'circle-radius': 4,
      'circle-color': '#111827',
      'circle-stroke-color': '#ffd43b',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: 'sites-circle',
    type: 'circle',
    source: 'sites',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 2, 5, 6, 9],
      'circle-color': ['case', ['==', ['get', 'kind'], 'sez'], SEZ_COLOUR, SITE_COLOUR],
      'circle-opacity': ['case', ['get', 'approximate'], 0.55, 1],
      'circle-stroke-color': [
        'case',
        ['get', 'approximate'],
        ['case', ['==', ['get', 'kind'], 'sez'], SEZ_COLOUR, SITE_COLOUR],
        '#ffffff',
      ],
      'circle-stroke-width': 2,
    },
  });
}

/** The GeoJSON source of a layer added by addRegionLayers. */
export const geoJsonSource = (map: MapLibreMap, id: 'sites' | 'highlight-points') =>
  map.getSource(id) as GeoJSONSource;
