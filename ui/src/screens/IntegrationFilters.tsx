// The integrations list's filters: search (Esc clears, ↓ goes to the first row), type and status.
import type { RefObject } from 'preact';
import type { IntegrationType } from '../bindings/IntegrationType';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { StatusFilter } from '../bindings/StatusFilter';
import { Icon } from '../components/Icon';
import { searchKeyDown } from '../components/ListTable';
import { useI18n } from '../i18n';

const STATUSES: readonly StatusFilter[] = ['enabled', 'disabled', 'failing', 'untested'];

export interface Filters {
  query: string;
  type: IntegrationType | null;
  status: StatusFilter | null;
}

export function IntegrationFilters(props: {
  filters: Filters;
  /** Changes some filters, keeping the others. */
  onChange: (change: Partial<Filters>) => void;
  types: IntegrationTypeSpec[];
  searchRef: RefObject<HTMLInputElement | null>;
  tbodyRef: RefObject<HTMLTableSectionElement | null>;
}) {
  const { t } = useI18n();
  const { filters, onChange } = props;
  return (
    <div class="filters">
      <div class="search">
        <Icon name="search" class="search-icon" />
        <label for="integrations-search" class="sr-only">
          {t('common.search')}
        </label>
        <input
          id="integrations-search"
          ref={props.searchRef}
          class="input search-input"
          type="search"
          autoComplete="off"
          spellcheck={false}
          aria-keyshortcuts="Control+F"
          aria-controls="integrations-results"
          placeholder={t('integrations.search_placeholder')}
          value={filters.query}
          onInput={(e) => onChange({ query: e.currentTarget.value })}
          onKeyDown={(e) => searchKeyDown(e, filters.query, () => onChange({ query: '' }), props.tbodyRef)}
        />
      </div>
      <label for="integrations-type" class="sr-only">
        {t('integrations.filter.type')}
      </label>
      <select
        id="integrations-type"
        class="input select select-filter"
        data-testid="filter-type"
        value={filters.type ?? ''}
        onChange={(e) => onChange({ type: (e.currentTarget.value || null) as IntegrationType | null })}
      >
        <option value="">{t('integrations.filter.all_types')}</option>
        {props.types.map((s) => (
          <option value={s.type} key={s.type}>
            {t(s.name_key)}
          </option>
        ))}
      </select>
      <label for="integrations-status" class="sr-only">
        {t('integrations.filter.status')}
      </label>
      <select
        id="integrations-status"
        class="input select select-filter"
        data-testid="filter-status"
        value={filters.status ?? ''}
        onChange={(e) => onChange({ status: (e.currentTarget.value || null) as StatusFilter | null })}
      >
        <option value="">{t('integrations.filter.all_statuses')}</option>
        {STATUSES.map((s) => (
          <option value={s} key={s}>
            {t(`integrations.filter.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
