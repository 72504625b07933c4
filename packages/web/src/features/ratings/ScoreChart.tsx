import { useEffect, useMemo, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatScore } from './rating-format.ts';
import type { EditionRow } from './ratings-api.ts';

// Only the bar chart and its components: ECharts' full build would triple the chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['#1764ab', '#2a9d8f', '#e9a23b', '#8e5ea2', '#d1495b', '#5c7c99'];

/**
 * Scores of one peer group as horizontal bars, each split into the
 * contributions of the indicator groups (they add up to the score), best on top.
 */
export function ScoreChart({
  rows,
  groups,
}: {
  rows: EditionRow[];
  groups: Array<{ code: string; name: string }>;
}) {
  const element = useRef<HTMLDivElement>(null);
  const placed = useMemo(() => rows.filter((r) => r.score !== null), [rows]);
  const height = Math.max(140, 46 + placed.length * 28);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const ordered = [...placed].reverse(); // ECharts draws the first category at the bottom
    const label = (r: EditionRow) => `${r.place ?? '—'}. ${r.object.title}`;
    chart.setOption({
      animation: false,
      color: PALETTE,
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, data: groups.map((g) => g.name) },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => formatScore(typeof v === 'number' ? v : null),
      },
      xAxis: {
        type: 'value',
        min: 0,
        axisLabel: {
          formatter: (v: number) => formatScore(v).replace(/0+$/, '').replace(/,$/, ''),
        },
      },
      yAxis: {
        type: 'category',
        data: ordered.map(label),
        axisLabel: { width: 260, overflow: 'truncate' },
      },
      series: groups.map((g, k) => ({
        name: g.name,
        type: 'bar',
        stack: 'score',
        barMaxWidth: 22,
        data: ordered.map((r) => r.groupScores[k]?.contribution ?? 0),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [placed, groups]);
  return (
    <div
      ref={element}
      className="score-chart"
      data-testid="score-chart"
      style={{ height }}
      role="img"
      aria-label="Баллы объектов по группам показателей"
    />
  );
}
