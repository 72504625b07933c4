import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
} from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import type { SiteListItem } from '@promatlas/core/api/registry.schema.ts';
import { SEZ_COLOUR, SITE_COLOUR } from './colours.ts';
import { colourFor, ZERO_COLOUR, type ColourClass } from './classes.ts';
import { centroidsByCode, type RegionCollection } from './geometry.ts';
import { SITE_KINDS, label } from '../lib/labels.ts';
import { formatNumber } from '../lib/format.ts';

setWorkerUrl(workerUrl);

/** Russia crosses the antimeridian; the geometry shifts Chukotka past 180°. */
const RUSSIA_BOUNDS: [[number, number], [number, number]] = [
  [19, 41.5],
  [191, 80],
];

interface SiteProperties {
  id: number;
  name: string;
  kind: string;
  region: string;
  approximate: boolean;
}

function sitesToGeoJson(
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

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface RegionMapProps {
  regions: RegionCollection;
  values: Map<string, number>;
  measureLabel: string;
  classes: ColourClass[];
  sites: SiteListItem[];
  /** A colour per value instead of `classes` (e.g. a diverging scale centred on 1). */
  colourOf?: (value: number) => string;
  /** How the popup writes a value (default: formatNumber). */
  formatValue?: (value: number) => string;
  /** Regions drawn with a dark outline and a marker at their centre (e.g. strong clusters). */
  highlighted?: ReadonlySet<string>;
  /** A second popup line for a region (e.g. «сильный кластер ★★»). */
  describeRegion?: (code: string) => string | null;
  /** The link under a clicked region (default: its profile). */
  regionLink?: (code: string) => { text: string; href: string };
}

declare global {
  interface Window {
    /** The map instance, for browser tests and debugging. */
    __promatlasMap?: MapLibreMap;
  }
}

/** Choropleth of federal subjects with sites as points; names and values in HTML popups (no glyphs needed offline). */
const NO_HIGHLIGHT: ReadonlySet<string> = new Set();

export function RegionMap({
  regions,
  values,
  measureLabel,
  classes,
  sites,
  colourOf,
  formatValue,
  highlighted = NO_HIGHLIGHT,
  describeRegion,
  regionLink,
}: RegionMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const loaded = useRef(false);
  const navigate = useNavigate();
  const latest = useRef({
    values,
    measureLabel,
    navigate,
    classes,
    sites,
    colourOf,
    formatValue,
    highlighted,
    describeRegion,
    regionLink,
  });
  latest.current = {
    values,
    measureLabel,
    navigate,
    classes,
    sites,
    colourOf,
    formatValue,
    highlighted,
    describeRegion,
    regionLink,
  };

  function applyColours(map: MapLibreMap) {
    const { values, classes, measureLabel, colourOf, highlighted } = latest.current;
    const pairs: string[] = [];
    for (const feature of regions.features) {
      const code = feature.properties.code;
      const value = values.get(code) ?? 0;
      pairs.push(code, colourOf ? colourOf(value) : colourFor(value, classes));
    }
    map.setPaintProperty(
      'regions-fill',
      'fill-color',
      pairs.length
        ? (['match', ['get', 'code'], ...pairs, ZERO_COLOUR] as unknown as ExpressionSpecification)
        : ZERO_COLOUR,
    );
    map.getContainer().dataset.measure = measureLabel;
    const marked = [...highlighted];
    map.setFilter('regions-highlight', ['in', ['get', 'code'], ['literal', marked]]);
    const centroids = centroidsByCode(regions);
    (map.getSource('highlight-points') as GeoJSONSource).setData({
      type: 'FeatureCollection',
      features: marked.flatMap((code) => {
        const at = centroids.get(code);
        return at
          ? [
              {
                type: 'Feature' as const,
                geometry: { type: 'Point' as const, coordinates: at },
                properties: { code },
              },
            ]
          : [];
      }),
    });
    map.getContainer().dataset.highlighted = String(marked.length);
    map.getContainer().dataset.coloured = String(
      regions.features.filter((f) => values.has(f.properties.code)).length,
    );
  }

  function applySites(map: MapLibreMap) {
    const data = sitesToGeoJson(latest.current.sites, centroidsByCode(regions));
    (map.getSource('sites') as GeoJSONSource).setData(data);
    map.getContainer().dataset.sites = String(data.features.length);
  }

  function link(text: string, href: string): HTMLAnchorElement {
    const a = element('a', 'popup-link', text);
    a.href = href;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      latest.current.navigate(href);
    });
    return a;
  }

  function regionPopup(code: string, name: string, withLink: boolean): HTMLElement {
    const root = element('div', 'map-popup');
    root.append(element('strong', 'popup-title', name));
    const { values, measureLabel, formatValue, describeRegion, regionLink } = latest.current;
    const value = values.get(code);
    root.append(
      element(
        'div',
        'popup-value',
        `${measureLabel}: ${value === undefined ? 'нет данных' : (formatValue ?? formatNumber)(value)}`,
      ),
    );
    const extra = describeRegion?.(code);
    if (extra) root.append(element('div', 'popup-note', extra));
    if (withLink) {
      const target = regionLink?.(code) ?? { text: 'Профиль региона →', href: `/regions/${code}` };
      root.append(link(target.text, target.href));
    }
    return root;
  }

  function sitePopup(p: SiteProperties): HTMLElement {
    const root = element('div', 'map-popup');
    root.append(element('strong', 'popup-title', p.name));
    root.append(
      element(
        'div',
        'popup-value',
        [label(SITE_KINDS, p.kind), p.region].filter(Boolean).join(' · '),
      ),
    );
    if (p.approximate)
      root.append(element('div', 'popup-note', 'координаты не указаны — показан центр региона'));
    root.append(link('Профиль площадки →', `/sites/${p.id}`));
    return root;
  }

  // Create the map once.
  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: {
        version: 8,
        sources: {},
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': '#f4f7fa' } },
        ],
      },
      bounds: RUSSIA_BOUNDS,
      fitBoundsOptions: { padding: 6 },
      renderWorldCopies: false,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 9,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(
      new AttributionControl({ compact: true, customAttribution: 'Границы: Natural Earth' }),
    );
    mapRef.current = map;
    window.__promatlasMap = map;

    const hoverPopup = new Popup({
      closeButton: false,
      closeOnClick: false,
      className: 'hover-popup',
      offset: 8,
    });
    const clickPopup = new Popup({ closeButton: true, maxWidth: '280px', offset: 8 });
    let hovered: string | number | undefined;

    map.on('load', () => {
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
          'line-color': [
            'case',
            ['boolean', ['feature-state', 'hover'], false],
            '#111827',
            '#ffffff',
          ],
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
      loaded.current = true;
      applyColours(map);
      applySites(map);
    });

    map.on('mousemove', 'regions-fill', (event) => {
      const feature = event.features?.[0];
      if (!feature) return;
      if (hovered !== undefined && hovered !== feature.id)
        map.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
      hovered = feature.id;
      if (hovered !== undefined)
        map.setFeatureState({ source: 'regions', id: hovered }, { hover: true });
      map.getCanvas().style.cursor = 'pointer';
      const p = feature.properties as { code: string; name: string };
      hoverPopup
        .setLngLat(event.lngLat)
        .setDOMContent(regionPopup(p.code, p.name, false))
        .addTo(map);
    });
    map.on('mouseleave', 'regions-fill', () => {
      if (hovered !== undefined)
        map.setFeatureState({ source: 'regions', id: hovered }, { hover: false });
      hovered = undefined;
      map.getCanvas().style.cursor = '';
      hoverPopup.remove();
    });
    map.on('click', (event) => {
      const siteHit = map.queryRenderedFeatures(event.point, { layers: ['sites-circle'] })[0];
      hoverPopup.remove();
      if (siteHit) {
        clickPopup
          .setLngLat(event.lngLat)
          .setDOMContent(sitePopup(siteHit.properties as SiteProperties))
          .addTo(map);
        return;
      }
      const regionHit = map.queryRenderedFeatures(event.point, { layers: ['regions-fill'] })[0];
      if (regionHit) {
        const p = regionHit.properties as { code: string; name: string };
        clickPopup
          .setLngLat(event.lngLat)
          .setDOMContent(regionPopup(p.code, p.name, true))
          .addTo(map);
      }
    });
    map.on('mouseenter', 'sites-circle', () => {
      map.getCanvas().style.cursor = 'pointer';
    });

    return () => {
      loaded.current = false;
      if (window.__promatlasMap === map) delete window.__promatlasMap;
      map.remove();
      mapRef.current = null;
    };
    // The geometry never changes during the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [regions]);

  // Recolour when the measure or its values change; draw the sites when they arrive.
  useEffect(() => {
    if (mapRef.current && loaded.current) applyColours(mapRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values, classes, measureLabel, regions, colourOf, highlighted]);
  useEffect(() => {
    if (mapRef.current && loaded.current) applySites(mapRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sites, regions]);

  return (
    <div
      ref={container}
      className="region-map"
      data-testid="region-map"
      role="img"
      aria-label={`Карта регионов России: ${measureLabel}`}
    />
  );
}
