import { useMemo, useState } from 'preact/hooks';
import type { PreviewItem } from '../bindings/PreviewItem';
import type { RunSummary } from '../bindings/RunSummary';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import type { CountKey } from '../import-preview';
import { itemMatches, itemsTotal, worthImporting } from '../import-preview';
import { formatDay, formatMoney } from '../sales-format';
import { ImportCounts } from './ImportCounts';
import { ManualBadge } from './SalesBadges';

const TILE_KEYS: Record<CountKey, string> = {
  new: 'import.count.new',
  updated: 'import.count.updated',
  unchanged: 'import.count.unchanged',
  flagged: 'import.count.flagged',
  unmapped: 'import.count.unmapped',
  errors: 'import.count.errors',
};

const CHANGE_KEYS = {
  new: 'import.change.new',
  updated: 'import.change.updated',
  unchanged: 'import.change.unchanged',
} as const;

function ChangeBadge({ item }: { item: PreviewItem }) {
  const { t } = useI18n();
  if (item.change === null) return <span class="badge badge-change-unreadable">{t('import.change.unreadable')}</span>;
  return <span class={`badge badge-change-${item.change}`}>{t(CHANGE_KEYS[item.change])}</span>;
}

/** What the supplier has for the query, classified against what is stored; nothing is written yet. */
export function ImportPreview(props: { summary: RunSummary; busy: boolean; onImport: () => void; onReset: () => void }) {
  const { t, locale, formatNumber } = useI18n();
  const { summary } = props;
  const [only, setOnly] = useState<CountKey | null>(null);
  const items = useMemo(() => summary.items.filter((i) => itemMatches(i, only)), [summary.items, only]);
  const total = itemsTotal(summary.counts);
  const worth = worthImporting(summary.counts);

  return (
    <section class="card import-result" aria-labelledby="import-preview-title" data-testid="import-preview-panel">
      <header class="result-head">
        <div>
          <h2 class="result-title" id="import-preview-title">
            {total === 1 ? t('import.preview.title_one') : t('import.preview.title', { count: formatNumber(total) })}
          </h2>
          <p class="result-note">{total === 0 ? t('import.preview.empty') : t('import.preview.note')}</p>
        </div>
        <div class="result-actions">
          <button type="button" class="btn" onClick={props.onReset} disabled={props.busy}>
            {t('import.new_query')}
          </button>
          <button type="button" class="btn btn-primary" data-testid="import-run" disabled={props.busy || !worth} onClick={props.onImport}>
            <Icon name="download" />
            {t('import.run')}
          </button>
        </div>
      </header>
      {total > 0 && <ImportCounts counts={summary.counts} selected={only} onSelect={setOnly} />}
      {total > 0 && !worth && <p class="result-note">{t('import.preview.nothing_to_import')}</p>}
      {only !== null && (
        <p class="preview-filter" data-testid="import-preview-filter">
          <span>
            {t('import.filter.label')}: <strong>{t(TILE_KEYS[only])}</strong> ({formatNumber(items.length)})
          </span>
          <button type="button" class="btn btn-small" onClick={() => setOnly(null)}>
            {t('import.filter.all')}
          </button>
        </p>
      )}
      {summary.items.length > 0 && (
        <div class="preview-table-wrap">
          <table class="table preview-table" aria-labelledby="import-preview-title">
            <thead>
              <tr>
                <th scope="col" class="col-pv-document">{t('import.col.document')}</th>
                <th scope="col" class="col-pv-date">{t('import.col.date')}</th>
                <th scope="col" class="col-pv-customer">{t('import.col.customer')}</th>
                <th scope="col" class="col-pv-total num">{t('import.col.total')}</th>
                <th scope="col" class="col-pv-change">{t('import.col.change')}</th>
                <th scope="col" class="col-pv-notes">{t('import.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i, n) => (
                <tr key={`${i.supplier_sale_id ?? ''}-${n}`} data-testid="import-preview-row" data-change={i.change ?? 'unreadable'}>
                  <td class="col-pv-document" title={[i.supplier_sale_id, i.locators].filter(Boolean).join(' · ')}>
                    <span class="cell-main mono">{i.supplier_sale_id ?? '—'}</span>
                    {i.locators !== '' && <span class="cell-sub mono">{i.locators}</span>}
                  </td>
                  <td class="col-pv-date">{i.sale_date ? formatDay(locale, i.sale_date) : '—'}</td>
                  <td class="col-pv-customer" title={i.customer_name ?? undefined}>
                    {i.customer_name ?? '—'}
                  </td>
                  <td class="col-pv-total num">{i.total_cents !== null && i.currency ? formatMoney(locale, i.total_cents, i.currency) : '—'}</td>
                  <td class="col-pv-change">
                    <ChangeBadge item={i} />
                  </td>
                  <td class="col-pv-notes" title={i.problem ?? undefined}>
                    {i.problem !== null ? (
                      <span class="problem-text">{i.problem}</span>
                    ) : (
                      <span class="badges">
                        {i.flagged && <ManualBadge />}
                        {i.unmapped.length > 0 && (
                          <span class="badge badge-unmapped">{t('import.flag.unmapped', { types: i.unmapped.join(', ') })}</span>
                        )}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.items.length < total && (
        <p class="result-note">{t('import.preview.limited', { shown: formatNumber(summary.items.length), total: formatNumber(total) })}</p>
      )}
    </section>
  );
}
