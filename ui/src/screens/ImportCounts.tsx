import type { Counts } from '../bindings/Counts';
import { useI18n } from '../i18n';
import type { CountKey } from '../import-preview';

const TILES: { key: CountKey; label: string; tone: string }[] = [
  { key: 'new', label: 'import.count.new', tone: 'new' },
  { key: 'updated', label: 'import.count.updated', tone: 'updated' },
  { key: 'unchanged', label: 'import.count.unchanged', tone: 'plain' },
  { key: 'flagged', label: 'import.count.flagged', tone: 'warn' },
  { key: 'unmapped', label: 'import.count.unmapped', tone: 'info' },
  { key: 'errors', label: 'import.count.errors', tone: 'danger' },
];

/**
 * The six numbers of a preview or a run. In a preview (`onSelect`) each is a toggle that filters the list;
 * in a run's summary "changed" reads "updated".
 */
export function ImportCounts(props: { counts: Counts; run?: boolean; selected?: CountKey | null; onSelect?: (k: CountKey | null) => void }) {
  const { t, formatNumber } = useI18n();
  const { onSelect } = props;
  return (
    <ul class="count-tiles">
      {TILES.map((tile) => {
        const n = props.counts[tile.key];
        const label = t(props.run && tile.key === 'updated' ? 'import.count.updated_run' : tile.label);
        const zero = n === 0 ? ' zero' : '';
        const body = (
          <>
            <span class="tile-value">{formatNumber(n)}</span>
            <span class="tile-label">{label}</span>
          </>
        );
        return (
          <li key={tile.key}>
            {onSelect ? (
              <button
                type="button"
                class={`count-tile tone-${tile.tone}${zero}`}
                data-testid={`import-count-${tile.key}`}
                aria-pressed={props.selected === tile.key}
                disabled={n === 0}
                onClick={() => onSelect(props.selected === tile.key ? null : tile.key)}
              >
                {body}
              </button>
            ) : (
              <div class={`count-tile tone-${tile.tone}${zero}`} data-testid={`import-count-${tile.key}`}>
                {body}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
