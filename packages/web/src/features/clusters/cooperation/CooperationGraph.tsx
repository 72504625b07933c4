import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ClusterCooperation } from '@promatlas/core/api/cooperation.schema.ts';

echarts.use([GraphChart, LegendComponent, TooltipComponent, CanvasRenderer]);

const MEMBER = '#1c7ed6';
const OUTSIDE = '#adb5bd';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The cluster's cooperation as a graph: participants (blue) and the outside
 * organisations they contract with (grey) as nodes, contracts as arrows from
 * supplier to buyer; the force layout runs once, without animation, so a graph
 * of hundreds of nodes draws at once.
 */
/** Above this many nodes the graph is laid out on a circle instead of by forces. */
const LARGE_GRAPH = 150;

export function CooperationGraph({ cooperation }: { cooperation: ClusterCooperation }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // How long the first drawing took (layout included), for the graph benchmark to read.
    const started = performance.now();
    delete element.dataset['drawnMs'];
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.on('finished', () => {
      element.dataset['drawnMs'] ??= String(Math.round(performance.now() - started));
    });
    const members = new Set(cooperation.participants.map((p) => p.organisation.id));
    const nodes = new Map<string, { id: string; name: string; member: boolean; degree: number }>();
    for (const p of cooperation.participants)
      nodes.set(p.organisation.id, {
        id: p.organisation.id,
        name: p.organisation.title,
        member: true,
        degree: 0,
      });
    for (const c of cooperation.contracts)
      for (const side of [c.buyer, c.supplier]) {
        const node = nodes.get(side.id) ?? {
          id: side.id,
          name: side.title,
          member: members.has(side.id),
          degree: 0,
        };
        node.degree += 1;
        nodes.set(side.id, node);
      }
    const large = nodes.size > LARGE_GRAPH;
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: (p: { dataType: string; data: { name?: string; label?: string } }) =>
          escapeHtml(p.dataType === 'edge' ? (p.data.label ?? '') : (p.data.name ?? '')),
      },
      legend: { data: ['Участники кластера', 'Вне кластера'], top: 0 },
      series: [
        {
          type: 'graph',
          // A force layout settles in O(n²) per step: fine for a cluster of tens, seconds for
          // hundreds (9.5 s for 500 nodes in bench:suppliers). Large graphs go on a circle,
          // ordered by degree, drawn at once; roam and drag still let one look closer.
          ...(large
            ? { layout: 'circular', circular: { rotateLabel: true } }
            : {
                layout: 'force',
                force: { repulsion: 160, edgeLength: 90, layoutAnimation: false },
              }),
          roam: true,
          draggable: true,
          categories: [
            { name: 'Участники кластера', itemStyle: { color: MEMBER } },
            { name: 'Вне кластера', itemStyle: { color: OUTSIDE } },
          ],
          edgeSymbol: ['none', 'arrow'],
          edgeSymbolSize: 7,
          label: { show: nodes.size <= 60, position: 'right', fontSize: 11 },
          lineStyle: { color: '#868e96', opacity: 0.7, curveness: 0.1 },
          data: [...nodes.values()]
            .sort((a, b) => (large ? b.degree - a.degree : 0))
            .map((n) => ({
              id: n.id,
              name: n.name,
              category: n.member ? 0 : 1,
              symbolSize: 10 + Math.min(20, n.degree * 3),
            })),
          links: cooperation.contracts.map((c) => ({
            source: c.supplier.id,
            target: c.buyer.id,
            label: `${c.supplier.title} → ${c.buyer.title}: ${c.contractTypeLabel}${c.product ? `, ${c.product}` : ''}`,
          })),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [cooperation]);
  return (
    <div
      ref={container}
      className="cooperation-graph"
      style={{ height: 420 }}
      role="img"
      aria-label="Граф кооперационных связей участников кластера"
      data-testid="cooperation-graph"
    />
  );
}
