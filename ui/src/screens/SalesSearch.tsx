import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';

/**
 * The first line of Vendas' toolbar: the search (Ctrl+F; Esc empties it, ↓ goes to the first row), the
 * "payments to enter manually" chip, and how many sales match.
 */
export function SalesSearch(props: {
  query: string;
  onQuery: (q: string) => void;
  flaggedOnly: boolean;
  onToggleFlagged: () => void;
  count: number | null;
  /** ↓ in the search field: to the first row, when there is one (false: there is none, the key does nothing). */
  onToFirstRow: () => boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { query, flaggedOnly, count } = props;
  const searchRef = useRef<HTMLInputElement>(null);

  // Ctrl+F: search (Cmd on macOS). Not while the detail is open.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="toolbar">
      <div class="search">
        <Icon name="search" class="search-icon" />
        <label for="sales-search" class="sr-only">
          {t('common.search')}
        </label>
        <input
          id="sales-search"
          ref={searchRef}
          class="input search-input"
          data-testid="sales-search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          aria-keyshortcuts="Control+F"
          aria-controls="sales-results"
          placeholder={t('sales.search_placeholder')}
          value={query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.preventDefault();
              props.onQuery('');
            } else if (e.key === 'ArrowDown' && props.onToFirstRow()) e.preventDefault();
          }}
        />
      </div>
      <button
        type="button"
        class={flaggedOnly ? 'filter-chip filter-chip-on' : 'filter-chip'}
        data-testid="sales-flagged-only"
        aria-pressed={flaggedOnly}
        onClick={props.onToggleFlagged}
      >
        <Icon name={flaggedOnly ? 'check' : 'alert'} />
        {t('sales.flagged_only')}
      </button>
      <p class="count" data-testid="sales-count" aria-live="polite">
        {count === null ? '' : count === 1 ? t('sales.count_one') : t('sales.count', { count: formatNumber(count) })}
      </p>
    </div>
  );
}
