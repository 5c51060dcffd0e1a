import { useCallback, useMemo } from 'preact/hooks';
import type { HomeSummary } from '../bindings/HomeSummary';
import { BarChart } from '../components/BarChart';
import { Icon } from '../components/Icon';
import { chartData } from '../home-model';
import { useI18n } from '../i18n';
import { openSales } from '../sales-nav';

/** Sales per day (last 30 days), each integration's last import, and the sales waiting for a manual payment. */
export function HomeSales({ summary }: { summary: HomeSummary }) {
  const { t, formatNumber, formatDateTime, locale } = useI18n();
  const [x, y] = useMemo(() => chartData(summary), [summary]);
  const total = y.reduce((a, b) => a + b, 0);
  const dayFormat = useMemo(() => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', timeZone: 'UTC' }), [locale]);
  const formatDay = useCallback((secs: number) => dayFormat.format(new Date(secs * 1000)), [dayFormat]);
  return (
    <>
      <section class="card home-card home-wide" aria-labelledby="home-sales-title" data-testid="home-sales">
        <h2 class="card-title" id="home-sales-title">
          <Icon name="receipt" />
          {t('home.sales.title')}
          <span class="home-total" data-testid="home-sales-total">
            {t('home.sales.total', { count: formatNumber(total) })}
          </span>
        </h2>
        <BarChart x={x} y={y} label={t('home.sales.chart')} formatDay={formatDay} />
        {summary.last_imports.length > 0 && (
          <ul class="home-imports" aria-label={t('home.imports.title')}>
            {summary.last_imports.map((r) => (
              <li key={r.integration_id} data-testid="home-last-import" data-outcome={r.outcome}>
                <strong>{r.description}</strong>
                <span>{formatDateTime(r.started_at)}</span>
                <span class={`badge badge-run-${r.outcome}`}>{t(`import.outcome.${r.outcome}`)}</span>
                <span>{t('home.imports.new', { count: formatNumber(r.new_sales) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card home-card" aria-labelledby="home-manual-title" data-testid="home-manual">
        <h2 class="card-title" id="home-manual-title">
          <Icon name="info" />
          {t('home.manual.title')}
        </h2>
        <p class="home-big" data-testid="home-manual-count">
          {formatNumber(summary.manual_payments)}
        </p>
        <p class="home-quiet">{t('home.manual.help')}</p>
        {summary.manual_payments > 0 && (
          <button type="button" class="btn" data-testid="home-manual-open" onClick={() => openSales({ flagged_only: true })}>
            {t('home.manual.open')}
          </button>
        )}
      </section>
    </>
  );
}
