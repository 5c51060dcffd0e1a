import type { ProductKind } from '../bindings/ProductKind';
import type { SaleStatus } from '../bindings/SaleStatus';
import type { Integration } from '../bindings/Integration';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import type { SalesFilterForm } from '../sales-filter';
import { badDate, filtersSet } from '../sales-filter';
import { KIND_KEYS, KINDS, STATUS_KEYS, STATUSES } from '../sales-format';
import { DateInput } from './SalesDateInput';

/** One end of the sale-date range: its visible label and the field (marked while it is no day). */
function DateFilter(props: { end: 'from' | 'to'; value: string; onValue: (v: string) => void }) {
  const { t, locale } = useI18n();
  const { end, value } = props;
  const invalid = badDate(locale, value);
  return (
    <>
      <label class="filter-field" for={`sales-date-${end}`}>
        {t(end === 'from' ? 'sales.filter.from' : 'sales.filter.to')}
      </label>
      <span class={invalid ? 'field invalid' : 'field'}>
        <DateInput
          id={`sales-date-${end}`}
          name={`date_${end}`}
          testid={`sales-date-${end}`}
          label={t(end === 'from' ? 'sales.filter.date_from' : 'sales.filter.date_to')}
          value={value}
          invalid={invalid}
          onValue={props.onValue}
        />
      </span>
    </>
  );
}

/** The second line of Vendas' toolbar: sale dates, integration, product kind, status, and "Limpar filtros". */
export function SalesFilters(props: {
  form: SalesFilterForm;
  onChange: (patch: Partial<SalesFilterForm>) => void;
  onClear: () => void;
  /** The integrations to filter by (those sales can be imported from). */
  integrations: readonly Integration[];
}) {
  const { t } = useI18n();
  const { form, onChange } = props;
  return (
    <div class="sales-filters">
      <div class="filter-dates" role="group" aria-label={t('sales.filter.dates')}>
        <DateFilter end="from" value={form.dateFrom} onValue={(dateFrom) => onChange({ dateFrom })} />
        <DateFilter end="to" value={form.dateTo} onValue={(dateTo) => onChange({ dateTo })} />
      </div>
      <select
        class="input select-filter select-integration"
        aria-label={t('sales.filter.integration')}
        data-testid="sales-filter-integration"
        value={form.integrationId === null ? '' : String(form.integrationId)}
        onChange={(e) => onChange({ integrationId: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
      >
        <option value="">{t('sales.filter.integration_all')}</option>
        {props.integrations.map((i) => (
          <option key={i.id} value={String(i.id)}>
            {i.description}
          </option>
        ))}
      </select>
      <select
        class="input select-filter"
        aria-label={t('sales.filter.kind')}
        data-testid="sales-filter-kind"
        value={form.kind ?? ''}
        onChange={(e) => onChange({ kind: e.currentTarget.value === '' ? null : (e.currentTarget.value as ProductKind) })}
      >
        <option value="">{t('sales.filter.kind_all')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEYS[k])}
          </option>
        ))}
      </select>
      <select
        class="input select-filter"
        aria-label={t('sales.filter.status')}
        data-testid="sales-filter-status"
        value={form.status ?? ''}
        onChange={(e) => onChange({ status: e.currentTarget.value === '' ? null : (e.currentTarget.value as SaleStatus) })}
      >
        <option value="">{t('sales.filter.status_all')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(STATUS_KEYS[s])}
          </option>
        ))}
      </select>
      {filtersSet(form) && (
        <button type="button" class="btn btn-small btn-quiet" onClick={props.onClear}>
          <Icon name="close" />
          {t('sales.filter.clear')}
        </button>
      )}
    </div>
  );
}
