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

const TONE_LIST = Object.keys(TONES);
const TONE_INDEX = new Map(TONE_LIST.map((tone, index) => [tone, index]));
const NONE = TONE_INDEX.get('none')!;
const COLOURS = TONE_LIST.map((tone) => TONES[tone]!);

const fmt = (t: number) => new Date(t).toISOString().slice(0, 10).split('-').reverse().join('.');
const isoText = (iso: string) => iso.split('-').reverse().join('.');

/** One bar: a rectangle from start to end, or a diamond at the deadline when no start is known. */
function renderItem(_params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI) {
  const row = api.value(0) as number;
  const from = api.coord([api.value(1), row]) as number[];
  const to = api.coord([api.value(2), row]) as number[];
  const hasStart = api.value(3) === 1;
  const size = api.size?.([0, 1]) as number[];
  const h = Math.min(18, (size?.[1] ?? 24) * 0.6);
  const style = { fill: COLOURS[api.value(4) as number] ?? COLOURS[NONE] };
  if (!hasStart || to[0]! - from[0]! < 4) {
    const x = to[0]!;
    const y = to[1]!;
    const r = h / 2 + 1;
    return {
      type: 'polygon' as const,
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
    type: 'rect' as const,
    shape: { x: from[0]!, y: from[1]! - h / 2, width: to[0]! - from[0]!, height: h },
    style,
  };
}

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
  /** The rows drawn, bottom first, for the tooltip to name the bar under the pointer. */
  const rowsRef = useRef<TimelineBar[]>([]);
  const heightRef = useRef(0);
  const placed = useMemo(() => bars.filter((b) => b.start || b.end), [bars]);
  const height = Math.max(160, 70 + Math.min(placed.length, WINDOW) * 28);
  const [listOpen, setListOpen] = useState(false);

  // The chart is made once, with what never changes; a filter then replaces only the series,
  // the axes' data and the scroll window (replaceMerge), not the whole chart.
  useEffect(() => {
    if (!container.current) return;
    const chart = echarts.init(container.current, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      tooltip: {
        formatter: (p: unknown) => {
          const d = p as { dataIndex?: number; name?: string; componentType?: string };
          const bar = d.componentType === 'series' ? rowsRef.current[d.dataIndex ?? -1] : null;
          if (!bar) return escapeHtml(d.name ?? '');
          const when =
            bar.start && bar.end
              ? `${isoText(bar.start)} – ${isoText(bar.end)}`
              : isoText(bar.end ?? bar.start!);
          return `${escapeHtml(bar.title)}<br>${when}<br>${escapeHtml(bar.state)}`;
        },
      },
      xAxis: {
        type: 'time',
        axisLabel: { formatter: (v: number) => fmt(v).slice(3) },
        splitLine: { show: true, lineStyle: { color: '#eef1f4' } },
      },
      yAxis: { type: 'category', data: [], axisLabel: { width: 280, overflow: 'truncate' } },
    });
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
    if (heightRef.current !== height) {
      heightRef.current = height;
      chart.resize({ height });
    }
    const rows = [...placed].reverse(); // ECharts draws the first category at the bottom
    rowsRef.current = rows;
    let min = Infinity;
    let max = -Infinity;
    // Plain numbers per bar (row, from, to, has a start, colour): ECharts keeps them in typed
    // arrays, where an object per bar (its own style, name and state) costs a pass of its own.
    const data = rows.map((b, index) => {
      const from = time(b.start ?? b.end!);
      const to = time(b.end ?? b.start!);
      if (from < min) min = from;
      if (to > max) max = to;
      return [index, from, to, b.start ? 1 : 0, TONE_INDEX.get(b.tone) ?? NONE];
    });
    for (const d of [...marks.map((m) => m.date), today])
      if (d) {
        const t = time(d);
        if (t < min) min = t;
        if (t > max) max = t;
      }
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
    const scrolls = rows.length > WINDOW;
    chart.setOption(
      {
        grid: { right: scrolls ? 40 : 24 },
        dataZoom: scrolls
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
        xAxis: {
          min: Number.isFinite(min) ? min - 15 * DAY : undefined,
          max: Number.isFinite(max) ? max + 15 * DAY : undefined,
        },
        yAxis: { data: rows.map((b) => b.title) },
        series: [
          {
            type: 'custom',
            renderItem,
            clip: true,
            encode: { x: [1, 2], y: 0 },
            dimensions: ['row', 'from', 'to', 'hasStart', 'tone'],
            data,
            markLine: {
              symbol: 'none',
              label: { formatter: '{b}', position: 'insideEndTop', fontSize: 10 },
              data: lines,
            },
          },
        ],
      },
      // Replace the series and the scroll window; draw in the next frame, not inside React's commit.
      { replaceMerge: ['series', 'dataZoom'], lazyUpdate: true },
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
