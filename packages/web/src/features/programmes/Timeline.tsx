import { useEffect, useMemo, useRef, useState } from 'react';
import { CustomChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams } from 'echarts';
import type { Lang } from './work-i18n.ts';

// Only the custom series and its components: ECharts' full build would triple the chunk.
echarts.use([
  CustomChart,
  GridComponent,
  TooltipComponent,
  MarkLineComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

/** Rows drawn at once; a longer plan scrolls through them (a canvas thousands of rows tall would be slow to paint). */
const WINDOW = 30;

/** One bar of the timeline: a measure or a project stage, from start (if known) to end. */
export interface TimelineBar {
  id: number | string;
  title: string;
  /** YYYY-MM-DD or null: a bar without a start is drawn as its deadline alone. */
  start: string | null;
  end: string | null;
  /** Colour class: done, in_progress, planned, cancelled, none, overdue, at_risk. */
  tone: string;
  /** What the tooltip and the list say about its state. */
  state: string;
}

export interface TimelineMark {
  date: string;
  title: string;
}

const TONES: Record<string, string> = {
  done: '#2a9d8f',
  in_progress: '#1764ab',
  planned: '#6c8fb3',
  cancelled: '#9aa5b1',
  none: '#b8c2cc',
  overdue: '#d1495b',
  at_risk: '#e9a23b',
};

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * A Gantt chart on ECharts' custom series: one row per bar, the deadline as
 * a diamond when no start is known, milestones and today as vertical lines.
 * The same bars are listed under the chart as a table, which screen readers
 * and the printed page read.
 */
export function Timeline({
  bars,
  marks,
  today,
  lang,
  caption,
}: {
  bars: TimelineBar[];
  marks: TimelineMark[];
  today: string | null;
  lang: Lang;
  caption: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const placed = useMemo(() => bars.filter((b) => b.start || b.end), [bars]);
  const height = Math.max(160, 70 + Math.min(placed.length, WINDOW) * 28);
  const [listOpen, setListOpen] = useState(false);

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

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.resize({ height });
    const rows = [...placed].reverse(); // ECharts draws the first category at the bottom
    const dates = [
      ...placed.flatMap((b) => [b.start, b.end]),
      ...marks.map((m) => m.date),
      today,
    ].filter((d): d is string => d !== null);
    const min = dates.length ? Math.min(...dates.map(time)) - 15 * DAY : undefined;
    const max = dates.length ? Math.max(...dates.map(time)) + 15 * DAY : undefined;
    const data = rows.map((b, index) => ({
      value: [index, time(b.start ?? b.end!), time(b.end ?? b.start!), b.start ? 1 : 0],
      itemStyle: { color: TONES[b.tone] ?? TONES['none'] },
      name: b.title,
      state: b.state,
    }));
    const renderItem = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) => {
      const row = api.value(0) as number;
      const from = api.coord([api.value(1), row]) as number[];
      const to = api.coord([api.value(2), row]) as number[];
      const hasStart = api.value(3) === 1;
      const size = api.size?.([0, 1]) as number[];
      const h = Math.min(18, (size?.[1] ?? 24) * 0.6);
      const style = api.style();
      if (!hasStart || to[0]! - from[0]! < 4) {
        const x = to[0]!;
        const y = to[1]!;
        const r = h / 2 + 1;
        return {
          type: 'polygon',
          shape: {
            points: [
              [x, y - r],
              [x + r, y],
              [x, y + r],
              [x - r, y],
            ],
          },
          style,
        };
      }
      return {
        type: 'rect',
        shape: { x: from[0]!, y: from[1]! - h / 2, width: to[0]! - from[0]!, height: h },
        style,
      };
    };
    const lines = [
      ...marks.map((m) => ({
        name: m.title,
        xAxis: time(m.date),
        lineStyle: { color: '#5c7c99' },
      })),
      ...(today
        ? [
            {
              name: lang === 'en' ? 'today' : 'сегодня',
              xAxis: time(today),
              lineStyle: { color: '#d1495b', type: 'solid' as const },
            },
          ]
        : []),
    ];
    const fmt = (t: number) =>
      new Date(t).toISOString().slice(0, 10).split('-').reverse().join('.');
    chart.setOption(
      {
        animation: false,
        grid: {
          left: 8,
          right: rows.length > WINDOW ? 40 : 24,
          top: 24,
          bottom: 40,
          containLabel: true,
        },
        dataZoom:
          rows.length > WINDOW
            ? [
                {
                  type: 'slider',
                  yAxisIndex: 0,
                  right: 4,
                  width: 16,
                  startValue: rows.length - WINDOW,
                  endValue: rows.length - 1,
                  showDetail: false,
                  zoomLock: true,
                  brushSelect: false,
                },
                {
                  type: 'inside',
                  yAxisIndex: 0,
                  zoomOnMouseWheel: false,
                  moveOnMouseWheel: true,
                },
              ]
            : [],
        tooltip: {
          formatter: (p: unknown) => {
            const d = p as { name?: string; value?: number[]; data?: { state?: string } };
            if (!d.value) return d.name ?? '';
            const [, from, to, hasStart] = d.value;
            const when = hasStart ? `${fmt(from!)} – ${fmt(to!)}` : fmt(to!);
            return `${escapeHtml(d.name ?? '')}<br>${when}<br>${escapeHtml(d.data?.state ?? '')}`;
          },
        },
        xAxis: {
          type: 'time',
          min,
          max,
          axisLabel: { formatter: (v: number) => fmt(v).slice(3) },
          splitLine: { show: true, lineStyle: { color: '#eef1f4' } },
        },
        yAxis: {
          type: 'category',
          data: rows.map((b) => b.title),
          axisLabel: { width: 280, overflow: 'truncate' },
        },
        series: [
          {
            type: 'custom',
            renderItem,
            clip: true,
            encode: { x: [1, 2], y: 0 },
            data,
            markLine: {
              symbol: 'none',
              label: { formatter: '{b}', position: 'insideEndTop', fontSize: 10 },
              data: lines,
            },
          },
        ],
      },
      { notMerge: true },
    );
  }, [placed, marks, today, height, lang]);

  return (
    <figure className="timeline" data-testid="timeline" data-bars={placed.length}>
      <div ref={container} style={{ width: '100%', height }} data-testid="timeline-chart" />
      <figcaption className="muted small">{caption}</figcaption>
      <details onToggle={(e) => setListOpen(e.currentTarget.open)} data-testid="timeline-details">
        <summary>{lang === 'en' ? 'As a list' : 'Списком'}</summary>
        {/* Rendered only while open: thousands of rows would otherwise be rebuilt on every filter change. */}
        {listOpen ? (
          <table className="data-table compact" data-testid="timeline-list">
            <tbody>
              {bars.map((b) => (
                <tr key={b.id} data-timeline-item={b.id} data-tone={b.tone}>
                  <td>{b.title}</td>
                  <td>{b.start ?? '—'}</td>
                  <td>{b.end ?? '—'}</td>
                  <td>{b.state}</td>
                </tr>
              ))}
              {marks.map((m) => (
                <tr key={`${m.date}-${m.title}`} data-timeline-mark={m.date}>
                  <td>{m.title}</td>
                  <td colSpan={2}>{m.date}</td>
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </figure>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default Timeline;
