/** A small bar chart of day counts: one bar per day, its height relative to the busiest day. */
export function BarChart(props: { x: number[]; y: number[]; label: string; height?: number; formatDay: (secs: number) => string }) {
  const { x, y, label, height = 160, formatDay } = props;
  const max = Math.max(1, ...y);
  return (
    <div class="bar-chart" role="img" aria-label={label} style={{ height: `${height}px` }}>
      {y.map((n, i) => (
        <span key={x[i]} class="bar" title={`${formatDay(x[i] ?? 0)}: ${n}`} style={{ height: `${(n / max) * 100}%` }} />
      ))}
    </div>
  );
}
