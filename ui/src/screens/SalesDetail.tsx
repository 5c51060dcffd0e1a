import { api } from '../api.gen';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { formatDay } from '../sales-format';
import { useLoad } from '../use-load';
import { ManualBadge, StatusBadge } from './SalesBadges';
import { SalesDetailBody } from './SalesDetailBody';

/**
 * One sale, read-only: customer, products with their passengers, payments, and the supplier's record.
 * Not a form, so not a FormDialog: the close button has the focus, and there is nothing to submit.
 */
export function SalesDetail({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { load } = useLoad(() => api.saleDetail(id), [id]);
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

  const d = load.state === 'ready' ? load.data : null;
  const s = d?.sale;

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
          {load.state === 'loading' && <p class="result-note">{t('common.loading')}</p>}
          {load.state === 'error' && (
            <div class="inline-error" role="alert">
              <p>{t(load.error.key, load.error.params)}</p>
            </div>
          )}
          {d && <SalesDetailBody d={d} />}
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
