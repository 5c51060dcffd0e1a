import type { Payment } from '../bindings/Payment';
import type { Product } from '../bindings/Product';
import type { SaleDetail } from '../bindings/SaleDetail';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { formatDayRange, formatMoney, KIND_KEYS, prettyJson } from '../sales-format';

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

/** The payments of a sale, with their total when there are several. */
function Payments({ payments, currency }: { payments: Payment[]; currency: string }) {
  const { t, locale } = useI18n();
  if (payments.length === 0) return <p class="result-note">{t('sales.detail.no_payments')}</p>;
  const paid = payments.reduce((sum, p) => sum + p.amount_cents, 0);
  return (
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
          {payments.map((p, i) => (
            <PaymentRow p={p} key={i} />
          ))}
        </tbody>
        {payments.length > 1 && (
          <tfoot>
            <tr>
              <td>{t('sales.detail.total')}</td>
              <td class="num">{formatMoney(locale, paid, currency)}</td>
              <td />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** What the sale detail shows once the sale is read: the sale, its customer, products, payments, raw record. */
export function SalesDetailBody({ d }: { d: SaleDetail }) {
  const { t, locale, formatDateTime } = useI18n();
  const s = d.sale;
  return (
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
        <Payments payments={d.payments} currency={s.currency} />
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
  );
}
