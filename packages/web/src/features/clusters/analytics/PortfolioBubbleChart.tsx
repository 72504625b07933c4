import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import type { ClusterPortfolio } from './cluster-api.ts';
import { formatGrowth, formatLq, formatNumber, formatShare } from './format.ts';

// Only the modules this chart draws with: keeps the chunk small.
echarts.use([
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  CanvasRenderer,
]);

type Item = ClusterPortfolio['items'][number];

interface Point {
  value: [number, number, number];
  name: string;
  item: Item;
}

const STRONG = '#c92a2a';
const TRADED = '#1c7ed6';
const LOCAL = '#adb5bd';

/**
 * The U.S. Cluster Mapping portfolio chart: x = location quotient (1 marked),
 * y = growth since the base year, bubble area ∝ the industry's share of the
 * region's total. Industries without growth (no base) or, on a log axis,
 * with LQ 0 cannot be placed and are counted under the chart.
 */
export function PortfolioBubbleChart({
  items,
  logScale,
  baseYear,
  unit,
}: {
  items: Item[];
  logScale: boolean;
  baseYear: number | null;
  unit: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const placed = useMemo(
    () => items.filter((i) => i.growth !== null && (!logScale || i.locationQuotient > 0)),
    [items, logScale],
  );
  const maxShare = useMemo(() => Math.max(...placed.map((i) => i.share), 0.0001), [placed]);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !container.current) return;
    const point = (i: Item): Point => ({
      value: [i.locationQuotient, (i.growth ?? 0) * 100, i.share],
      name: i.industry.name,
      item: i,
    });
    const groups: Array<[string, string, Item[]]> = [
      ['Сильные кластеры', STRONG, placed.filter((i) => i.strong)],
      [
        'Торгуемые отрасли',
        TRADED,
        placed.filter((i) => !i.strong && i.industry.type === 'traded'),
      ],
      [
        'Локальные и прочие',
        LOCAL,
        placed.filter((i) => !i.strong && i.industry.type !== 'traded'),
      ],
    ];
    chart.setOption(
      {
        animation: false,
        grid: { left: 64, right: 24, top: 40, bottom: 56 },
        legend: { top: 4, data: groups.map(([name]) => name) },
        tooltip: {
          trigger: 'item',
          formatter: (p: { data: Point }) => {
            const i = p.data.item;
            return [
              `<strong>${escapeHtml(i.industry.name)}</strong> (${escapeHtml(i.industry.code)})`,
              `КЛ: ${formatLq(i.locationQuotient)}${i.strong ? ' · сильный кластер' : ''}`,
              `Рост к ${baseYear ?? '—'}: ${formatGrowth(i.growth)}`,
              `Доля в регионе: ${formatShare(i.share)}`,
              `Значение: ${formatNumber(i.value)} ${escapeHtml(unit)}`,
            ].join('<br>');
          },
        },
        xAxis: {
          type: logScale ? 'log' : 'value',
          name: logScale ? 'КЛ (логарифмическая шкала)' : 'КЛ',
          nameLocation: 'middle',
          nameGap: 30,
          min: logScale ? undefined : 0,
          axisLabel: { formatter: (v: number) => formatNumber(v) },
          splitLine: { lineStyle: { color: '#eef1f4' } },
        },
        yAxis: {
          type: 'value',
          name: baseYear ? `Рост к ${baseYear} году, %` : 'Рост, %',
          nameLocation: 'middle',
          nameGap: 46,
          axisLabel: { formatter: (v: number) => `${formatNumber(v)} %` },
          splitLine: { lineStyle: { color: '#eef1f4' } },
        },
        series: groups.map(([name, colour, group], k) => ({
          name,
          type: 'scatter',
          data: group.map(point),
          symbolSize: (value: [number, number, number]) => 8 + 52 * Math.sqrt(value[2] / maxShare),
          itemStyle: { color: colour, opacity: 0.75, borderColor: '#ffffff', borderWidth: 1 },
          label:
            k === 0
              ? {
                  show: true,
                  position: 'top',
                  formatter: (p: { data: Point }) => p.data.item.industry.name,
                  fontSize: 11,
                  color: '#212529',
                }
              : { show: false },
          labelLayout: { hideOverlap: true },
          emphasis: {
            focus: 'self',
            label: { show: true, formatter: (p: { data: Point }) => p.data.item.industry.name },
          },
          markLine:
            k === 0
              ? {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#495057', type: 'dashed' },
                  label: {
                    formatter: (p: { data: { xAxis?: number } }) =>
                      p.data.xAxis !== undefined ? 'КЛ = 1' : '0 %',
                  },
                  data: [{ xAxis: 1 }, { yAxis: 0 }],
                }
              : undefined,
        })),
      },
      { notMerge: true },
    );
    container.current.dataset.points = String(placed.length);
    container.current.dataset.strongPoints = String(groups[0]![2].length);
  }, [placed, maxShare, logScale, baseYear, unit]);

  const unplaced = items.length - placed.length;
  return (
    <figure className="portfolio-chart">
      <div
        ref={container}
        className="portfolio-chart-canvas"
        data-testid="portfolio-chart"
        role="img"
        aria-label="Пузырьковая диаграмма портфеля кластеров: КЛ, рост, доля"
      />
      <figcaption className="small muted">
        По горизонтали — КЛ (пунктир: КЛ = 1), по вертикали — рост к базовому году, площадь пузыря —
        доля отрасли в регионе. На диаграмме {formatNumber(placed.length)} из{' '}
        {formatNumber(items.length)}
        {unplaced > 0
          ? `: без базового значения${logScale ? ' или с КЛ 0' : ''} — ${formatNumber(unplaced)}`
          : ''}
        .
      </figcaption>
    </figure>
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export default PortfolioBubbleChart;
