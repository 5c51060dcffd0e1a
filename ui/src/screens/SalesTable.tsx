import type { SaleRow } from '../bindings/SaleRow';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { href } from '../router';
import { formatDay, formatMoney } from '../sales-format';
import type { SalesList } from '../use-sales-list';
import { KindBadges, ManualBadge, StatusBadge } from './SalesBadges';

const COLUMNS = 7;

/** A row whose page is not read yet: the same height, announced as loading. */
function PlaceholderRow({ index }: { index: number }) {
  const { t } = useI18n();
  return (
    <tr class="row-placeholder" data-testid="sales-row-placeholder" aria-rowindex={index + 2} aria-busy="true">
      <td colSpan={COLUMNS}>
        <span class="skeleton" />
        <span class="sr-only">{t('common.loading')}</span>
      </td>
    </tr>
  );
}

function SalesRow(props: { row: SaleRow; index: number; tabbable: boolean; onOpen: () => void; onFocus: () => void }) {
  const { locale } = useI18n();
  const { row: r, index: i } = props;
  return (
    <tr
      data-testid="sales-row"
      data-index={i}
      data-id={r.id}
      aria-rowindex={i + 2}
      tabIndex={props.tabbable ? 0 : -1}
      class={r.status === 'cancelled' ? 'row-cancelled' : undefined}
      onClick={props.onOpen}
      onFocus={props.onFocus}
    >
      <td class="col-s-date">{formatDay(locale, r.sale_date)}</td>
      <td class="col-s-integration" title={r.integration}>
        {r.integration}
      </td>
      <td class="col-s-document mono" title={[r.supplier_sale_id, r.locators].filter(Boolean).join(' · ')}>
        {r.locators !== '' ? r.locators.split(' ')[0] : r.supplier_sale_id}
      </td>
      <td class="col-s-customer" title={r.customer_name ?? undefined}>
        {r.customer_name ?? '—'}
      </td>
      <td class="col-s-kinds">
        <KindBadges kinds={r.kinds} />
      </td>
      <td class="col-s-total num">{formatMoney(locale, r.total_cents, r.currency)}</td>
      <td class="col-s-status">
        <span class="badges">
          <StatusBadge status={r.status} />
          {r.needs_manual_payment && <ManualBadge compact />}
        </span>
      </td>
    </tr>
  );
}

function Spacer({ height }: { height: number }) {
  return height > 0 ? (
    <tr class="spacer" aria-hidden="true">
      <td colSpan={COLUMNS} style={{ height: `${height}px` }} />
    </tr>
  ) : null;
}

/** Nothing to list: because nothing was imported yet (`unfiltered`), or because nothing matches. */
function SalesEmpty({ unfiltered }: { unfiltered: boolean }) {
  const { t } = useI18n();
  return (
    <div class="state" data-testid="sales-empty">
      <Icon name="receipt" class="state-icon" />
      {unfiltered ? (
        <>
          <p>{t('sales.empty', { menu: t('menu.import') })}</p>
          <a class="btn" href={href('import')}>
            {t('menu.import')}
          </a>
        </>
      ) : (
        <p>{t('sales.no_results')}</p>
      )}
    </div>
  );
}

/**
 * The virtualised list of sales: only the rows in view are in the DOM, between two spacers (sales-virtual.ts);
 * rows whose page is not read yet are placeholders. Above it, why a page could not be read, with a retry.
 */
export function SalesTable({ list, unfiltered, onOpen }: { list: SalesList; unfiltered: boolean; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const { cache, win, count, error } = list;

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const r = cache.row(i);
    if (!r) {
      rows.push(<PlaceholderRow key={`p${i}`} index={i} />);
      continue;
    }
    rows.push(
      <SalesRow
        key={r.id}
        row={r}
        index={i}
        tabbable={i === list.tabRow}
        onOpen={() => {
          list.setActive(i);
          onOpen(r.id);
        }}
        onFocus={() => list.setActive(i)}
      />,
    );
  }

  return (
    <>
      {error && (
        <div class="inline-error" role="alert" data-testid="sales-error">
          <Icon name="alert" />
          <p>
            {t('sales.load_failed')} {t(error.key, error.params)}
          </p>
          <button type="button" class="btn btn-small" onClick={list.retry}>
            {t('common.retry')}
          </button>
        </div>
      )}

      {/* What the search controls: the table, or why there is none (nothing imported, no match). */}
      <div class="table-card card" id="sales-results">
        {!list.showTable ? (
          <SalesEmpty unfiltered={unfiltered} />
        ) : (
          <div class="table-scroll" ref={list.scrollRef} onScroll={list.measure} aria-busy={list.loadingFirst}>
            <table class="table sales-table" aria-labelledby="screen-title" aria-rowcount={count === null ? -1 : count + 1}>
              <thead ref={list.headRef}>
                <tr aria-rowindex={1}>
                  <th scope="col" class="col-s-date">{t('sales.col.date')}</th>
                  <th scope="col" class="col-s-integration">{t('sales.col.integration')}</th>
                  <th scope="col" class="col-s-document">{t('sales.col.document')}</th>
                  <th scope="col" class="col-s-customer">{t('sales.col.customer')}</th>
                  <th scope="col" class="col-s-kinds">{t('sales.col.products')}</th>
                  <th scope="col" class="col-s-total num">{t('sales.col.total')}</th>
                  <th scope="col" class="col-s-status">{t('sales.col.status')}</th>
                </tr>
              </thead>
              <tbody onKeyDown={list.onRowsKey}>
                <Spacer height={win.top} />
                {rows}
                <Spacer height={win.bottom} />
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
