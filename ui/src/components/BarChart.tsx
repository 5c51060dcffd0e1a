import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

/** A small bar chart (uPlot): days on x (Unix seconds), counts on y. Redrawn when data or size change. */
export function BarChart(props: { x: number[]; y: number[]; label: string; height?: number; formatDay: (secs: number) => string }) {
  const box = useRef<HTMLDivElement>(null);
  const { x, y, label, height = 160, formatDay } = props;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const style = getComputedStyle(el);
    const bar = style.getPropertyValue('--accent').trim() || '#0f766e';
    const grid = style.getPropertyValue('--border').trim() || '#ddd';
    const text = style.getPropertyValue('--text-muted').trim() || '#666';
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(el.clientWidth, 200),
        height,
        legend: { show: false },
        cursor: { show: false },
        // Half a day of room on each side, so the first and last bars are whole.
        scales: { x: { time: true, range: (_u, min, max) => [min - 43_200, max + 43_200] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { ...axis, values: (_u, splits) => splits.map(formatDay) },
          { ...axis, size: 40 },
        ],
        series: [{}, { label, fill: bar, stroke: bar, paths: uPlot.paths.bars?.({ size: [0.7, 24] }), points: { show: false } }],
      },
      [x, y],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(el.clientWidth, 200), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, y, label, height, formatDay]);
  return <div ref={box} class="bar-chart" role="img" aria-label={label} />;
}
