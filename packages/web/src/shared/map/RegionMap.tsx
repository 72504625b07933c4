import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  setWorkerUrl,
} from 'maplibre-gl';
import type { ExpressionSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { SiteListItem } from '@promatlas/core/api/registry.schema.ts';
import { colourFor, ZERO_COLOUR, type ColourClass } from './classes.ts';
import { centroidsByCode, type RegionCollection } from './geometry.ts';
import { addRegionLayers, geoJsonSource } from './map-layers.ts';
import { regionPopupContent, sitePopupContent } from './popups.ts';
import { sitesToGeoJson, type SiteProperties } from './site-points.ts';
import { formatNumber } from '../lib/format.ts';

setWorkerUrl(workerUrl);

/** Russia crosses the antimeridian; the geometry shifts Chukotka past 180°. */
const RUSSIA_BOUNDS: [[number, number], [number, number]] = [
  [19, 41.5],
  [191, 80],
];

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
    geoJsonSource(map, 'highlight-points').setData({
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
    geoJsonSource(map, 'sites').setData(data);
    map.getContainer().dataset.sites = String(data.features.length);
  }

  function regionPopup(code: string, name: string, withLink: boolean): HTMLElement {
    const { values, measureLabel, formatValue, describeRegion, regionLink, navigate } =
      latest.current;
    const value = values.get(code);
    return regionPopupContent({
      name,
      valueLine: `${measureLabel}: ${value === undefined ? 'нет данных' : (formatValue ?? formatNumber)(value)}`,
      note: describeRegion?.(code) ?? null,
      link: withLink
        ? (regionLink?.(code) ?? { text: 'Профиль региона →', href: `/regions/${code}` })
        : null,
      navigate,
    });
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
      addRegionLayers(map, regions);
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
          .setDOMContent(
            sitePopupContent(siteHit.properties as SiteProperties, latest.current.navigate),
          )
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
