import { MAP_MEASURES, regionMeasure, type MapMeasure } from '../../map/index.ts';
import type { ExportGeometry } from '../geojson-writer.ts';
import type { ListExport } from '../list-export.ts';

type MeasureRow = { code: string; name: string; value: number; label: string };

/**
 * The map's choropleth: one value of the chosen measure per federal subject;
 * as GeoJSON with each region's boundary (given by the caller: the polygons
 * the map draws).
 */
export function mapRegionsExport(
  boundaries: Map<string, ExportGeometry> | null,
): ListExport<{ measure: MapMeasure }, MeasureRow> {
  return {
    name: 'map-regions',
    title: { ru: 'Регионы на карте', en: 'Map regions' },
    columns: [
      { key: 'code', ru: 'Код', en: 'Code', type: 'text', width: 8, value: (r) => r.code },
      {
        key: 'name',
        ru: 'Субъект РФ',
        en: 'Federal subject',
        type: 'text',
        width: 36,
        value: (r) => r.name,
      },
      {
        key: 'measure',
        ru: 'Показатель',
        en: 'Measure',
        type: 'text',
        width: 36,
        value: (r) => r.label,
      },
      {
        key: 'value',
        ru: 'Значение',
        en: 'Value',
        type: 'integer',
        width: 12,
        value: (r) => r.value,
      },
    ],
    async *batches(db, q, { schema }) {
      const { items } = await regionMeasure(db, q.measure, schema);
      const label = MAP_MEASURES[q.measure].label;
      yield items.map((item) => ({ ...item, label }));
    },
    ...(boundaries ? { locate: (row: MeasureRow) => boundaries.get(row.code) ?? null } : {}),
  };
}
