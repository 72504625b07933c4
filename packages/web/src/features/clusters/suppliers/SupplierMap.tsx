import { useEffect, useRef } from 'react';
import {
  LngLatBounds,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { SupplierSearchResult } from '@promatlas/core/api/suppliers.schema.ts';
import { useApi } from '../../../shared/api/client.ts';
import type { RegionCollection } from '../../../shared/map/geometry.ts';
import { addRegionLayers } from '../../../shared/map/map-layers.ts';

setWorkerUrl(workerUrl);

/** A polygon approximating a circle of `km` around a point (for the radius outline). */
function circle(lat: number, lon: number, km: number, steps = 72): Array<[number, number]> {
  const ring: Array<[number, number]> = [];
  const dLat = km / 111.32;
  const dLon = km / (111.32 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return ring;
}

/** The results on a map: the regions, the radius, the search point and one marker per supplier (HTML, no glyphs needed offline). */
export function SupplierMap({ result }: { result: SupplierSearchResult }) {
  const container = useRef<HTMLDivElement>(null);
  const regions = useApi<RegionCollection>('/regions.geojson');
  useEffect(() => {
    if (!container.current || !regions.data) return;
    const located = result.items.filter((i) => i.latitude !== null && i.longitude !== null);
    const bounds = new LngLatBounds();
    for (const i of located) bounds.extend([i.longitude!, i.latitude!]);
    const { origin, radiusKm } = result;
    const ring = origin && radiusKm ? circle(origin.latitude, origin.longitude, radiusKm) : null;
    for (const p of ring ?? []) bounds.extend(p);
    const map = new MapLibreMap({
      container: container.current,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f6' } }],
      },
      ...(bounds.isEmpty()
        ? { center: [45, 58] as [number, number], zoom: 2 }
        : { bounds, fitBoundsOptions: { padding: 30, maxZoom: 10 } }),
      attributionControl: false,
    });
    map.addControl(new NavigationControl({ showCompass: false }));
    const markers: Marker[] = [];
    map.on('load', () => {
      addRegionLayers(map, regions.data!);
      if (ring) {
        map.addSource('radius', {
          type: 'geojson',
          data: {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        });
        map.addLayer({
          id: 'radius-line',
          type: 'line',
          source: 'radius',
          paint: { 'line-color': '#1c7ed6', 'line-width': 2, 'line-dasharray': [2, 2] },
        });
      }
      if (origin)
        markers.push(
          new Marker({ color: '#1c7ed6' })
            .setLngLat([origin.longitude, origin.latitude])
            .addTo(map),
        );
      for (const item of located) {
        const popup = new Popup({ offset: 18 }).setText(
          `${item.organisation.title}${item.distanceKm !== null ? ` · ${item.distanceKm} км` : ''} · ${item.score}`,
        );
        markers.push(
          new Marker({ color: item.inCluster ? '#2b8a3e' : '#e8590c', scale: 0.7 })
            .setLngLat([item.longitude!, item.latitude!])
            .setPopup(popup)
            .addTo(map),
        );
      }
    });
    return () => {
      for (const m of markers) m.remove();
      map.remove();
    };
  }, [regions.data, result]);
  return (
    <div
      ref={container}
      className="supplier-map"
      style={{ height: 380, margin: '0.5rem 0' }}
      data-testid="supplier-map"
    />
  );
}
