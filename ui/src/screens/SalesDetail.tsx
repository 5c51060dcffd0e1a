import { api } from '../api.gen';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Payment } from '../bindings/Payment';
import type { Product } from '../bindings/Product';
import type { SaleDetail } from '../bindings/SaleDetail';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { formatDay, formatDayRange, formatMoney, KIND_KEYS, prettyJson } from '../sales-format';
import { ManualBadge, StatusBadge } from './SalesBadges';

type State = { status: 'loading' } | { status: 'ok'; detail: SaleDetail } | { status: 'error'; error: ErrorReply };

function ProductCard({ p, index }: { p: Product; index: number }) {
  const { t, locale } = useI18n();
  const dates = p.start_date ? formatDayRange(locale, p.start_date, p.end_date ?? p.start_date) : null;
  return (
    <li class="product" data-testid="sale-product">
      <div class="product-head">
        <span class={`badge badge-kind kind-${p.kind}`}>{t(KIND_KEYS[p.kind])}</span>
        <span class="product-title">{p.provider ?? p.supplier_type}</span>
        {p.amount_cents !== null && p.currency && <span class="product-amount">{formatMoney(locale, p.amount_cents, p.currency)}</span>}
      </div>
      {p.description && <p class="product-description">{p.description}</p>}
      <dl class="facts facts-compact">
        <dt>{t('sales.detail.supplier_type')}</dt>
        <dd class="mono">{p.supplier_type}</dd>
        {p.locator && (
          <>
            <dt>{t('sales.detail.locator')}</dt>
            <dd class="mono">{p.locator}</dd>
          </>
        )}
        {p.provider && (
          <>
            <dt>{t('sales.detail.provider')}</dt>
            <dd>{p.provider}</dd>
          </>
        )}
        {dates && (
          <>
            <dt>{t('sales.detail.dates')}</dt>
            <dd>{dates}</dd>
          </>
        )}
      </dl>
      <h4 class="passengers-title" id={`pax-${index}`}>
        {t('sales.detail.passengers')}
      </h4>
      {p.passengers.length === 0 ? (
        <p class="result-note">{t('sales.detail.no_passengers')}</p>
      ) : (
        <ul class="passengers" aria-labelledby={`pax-${index}`}>
          {p.passengers.map((x, i) => (
            <li key={i} data-testid="sale-passenger">
              <Icon name="people" />
              <span>{x.name}</span>
              {x.type && <span class="pax-type">{x.type}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function PaymentRow({ p }: { p: Payment }) {
  const { t, locale } = useI18n();
  return (
    <tr data-testid="sale-payment">
      <td>{p.type}</td>
      <td class="num">{formatMoney(locale, p.amount_cents, p.currency)}</td>
      <td>{t(p.confirmed === true ? 'sales.detail.confirmed' : p.confirmed === false ? 'sales.detail.not_confirmed' : 'sales.detail.unknown')}</td>
    </tr>
  );
}

/** One sale, read-only: customer, products with their passengers, payments, and the supplier's record. */
export function SalesDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, locale, formatDateTime } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialogRef.current;
    if (d && !d.open) d.showModal();
    closeRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    let stale = false;
    api.saleDetail(id).then(
      (detail) => !stale && setState({ status: 'ok', detail }),
      (error: ErrorReply) => !stale && setState({ status: 'error', error }),
    );
    return () => {
      stale = true;
    };
  }, [id]);

  const d = state.status === 'ok' ? state.detail : null;
  const s = d?.sale;
  const paid = d ? d.payments.reduce((sum, p) => sum + p.amount_cents, 0) : 0;

  return (
    <dialog
      ref={dialogRef}
      class="panel panel-wide sale-panel"
      aria-labelledby="sale-detail-title"
      data-testid="sale-detail"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="panel-form">
        <header class="panel-header">
          <div class="panel-heading">
            {s && (
              <span class="badges">
                <StatusBadge status={s.status} />
                {s.needs_manual_payment && <ManualBadge />}
              </span>
            )}
            <h2 id="sale-detail-title">{t('sales.detail.title', { id: s ? (s.locators.split(' ')[0] ?? s.supplier_sale_id) || s.supplier_sale_id : '' })}</h2>
            {s && <p class="panel-meta">{t('sales.detail.sold', { date: formatDay(locale, s.sale_date), integration: s.integration })}</p>}
          </div>
          <button ref={closeRef} type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        <div class="panel-body sale-body">
          {state.status === 'loading' && <p class="result-note">{t('common.loading')}</p>}
          {state.status === 'error' && (
            <div class="inline-error" role="alert">
              <p>{t(state.error.key, state.error.params)}</p>
            </div>
          )}
          {d && s && (
            <>
              {s.needs_manual_payment && (
                <div class="summary-flagged" data-testid="sale-manual-note">
                  <Icon name="alert" />
                  <p>{t('sales.detail.manual')}</p>
                </div>
              )}
              <section class="detail-section" aria-labelledby="sale-sec-sale">
                <h3 class="section-title" id="sale-sec-sale">
                  {t('sales.detail.sale')}
                </h3>
                <dl class="facts facts-compact">
                  <dt>{t('sales.detail.total')}</dt>
                  <dd class="detail-total">{formatMoney(locale, s.total_cents, s.currency)}</dd>
                  <dt>{t('sales.detail.supplier_id')}</dt>
                  <dd class="mono">{s.supplier_sale_id}</dd>
                  {s.locators !== '' && (
                    <>
                      <dt>{t('sales.detail.locators')}</dt>
                      <dd class="mono">{s.locators}</dd>
                    </>
                  )}
                  <dt>{t('sales.detail.supplier_status')}</dt>
                  <dd>{d.supplier_status}</dd>
                  {d.sold_at && (
                    <>
                      <dt>{t('sales.detail.sold_at')}</dt>
                      <dd>{formatDateTime(d.sold_at)}</dd>
                    </>
                  )}
                </dl>
              </section>
              <section class="detail-section" aria-labelledby="sale-sec-customer">
                <h3 class="section-title" id="sale-sec-customer">
                  {t('sales.detail.customer')}
                </h3>
                <dl class="facts facts-compact">
                  <dt>{t('sales.detail.name')}</dt>
                  <dd>{s.customer_name ?? '—'}</dd>
                  {d.customer_document && (
                    <>
                      <dt>{t('sales.detail.document')}</dt>
                      <dd class="mono">{d.customer_document}</dd>
                    </>
                  )}
                  {d.customer_email && (
                    <>
                      <dt>{t('sales.detail.email')}</dt>
                      <dd>{d.customer_email}</dd>
                    </>
                  )}
                </dl>
              </section>
              <section class="detail-section" aria-labelledby="sale-sec-products">
                <h3 class="section-title" id="sale-sec-products">
                  {t('sales.detail.products')} <span class="section-count">{d.products.length}</span>
                </h3>
                <ul class="products">
                  {d.products.map((p, i) => (
                    <ProductCard p={p} index={i} key={i} />
                  ))}
                </ul>
              </section>
              <section class="detail-section" aria-labelledby="sale-sec-payments">
                <h3 class="section-title" id="sale-sec-payments">
                  {t('sales.detail.payments')}
                </h3>
                {d.payments.length === 0 ? (
                  <p class="result-note">{t('sales.detail.no_payments')}</p>
                ) : (
                  <div class="payments-wrap">
                    <table class="table payments-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('sales.detail.payment_type')}</th>
                          <th scope="col" class="num">
                            {t('sales.detail.amount')}
                          </th>
                          <th scope="col">{t('sales.detail.payment_status')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {d.payments.map((p, i) => (
                          <PaymentRow p={p} key={i} />
                        ))}
                      </tbody>
                      {d.payments.length > 1 && (
                        <tfoot>
                          <tr>
                            <td>{t('sales.detail.total')}</td>
                            <td class="num">{formatMoney(locale, paid, s.currency)}</td>
                            <td />
                          </tr>
                        </tfoot>
                      )}
                    </table>
                  </div>
                )}
              </section>
              <details class="raw" data-testid="sale-raw">
                <summary>
                  <Icon name="chevron" class="raw-chevron" />
                  {t('sales.detail.raw')}
                </summary>
                <pre class="raw-json mono" tabIndex={0}>
                  {prettyJson(d.raw)}
                </pre>
              </details>
              <p class="panel-meta">{t('sales.detail.imported', { first: formatDateTime(d.first_imported_at), updated: formatDateTime(d.updated_at) })}</p>
            </>
          )}
        </div>
        <footer class="panel-footer">
          <span class="kbd-hint">Esc</span>
          <button type="button" class="btn" data-testid="sale-detail-close" onClick={onClose}>
            {t('common.close')}
          </button>
        </footer>
      </div>
    </dialog>
  );
}
