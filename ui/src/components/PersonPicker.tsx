import { useEffect, useRef, useState } from 'preact/hooks';
import type { Person } from '../bindings/Person';
import type { PersonRef } from '../integration-form';
import { useDebounced } from '../hooks';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { KIND_KEYS } from '../people-list';
import { useLoad } from '../use-load';
import { Icon } from './Icon';

export const PICKER_DEBOUNCE_MS = 150;

interface Results {
  query: string;
  people: Person[];
}

/**
 * "Pessoa que será vinculada…": a combobox that searches Pessoas as you type (ARIA 1.2 combobox with a
 * listbox popup), and a "…" button that creates a new Pessoa Jurídica. Typing un-links the person;
 * picking one links it. With `autoPick`, a first search with exactly one match links it at once (presets).
 */
export function PersonPicker(props: {
  id: string;
  query: string;
  person: PersonRef | null;
  invalid: boolean;
  required: boolean;
  describedBy?: string | undefined;
  autoPick: boolean;
  onChange: (query: string, person: PersonRef | null) => void;
  onNew: (query: string) => void;
}) {
  const { t } = useI18n();
  const { id, query, person, onChange } = props;
  const debounced = useDebounced(query.trim(), PICKER_DEBOUNCE_MS);
  // A failed search shows no matches (the field says so); the previous results stay until the next ones come.
  const { load } = useLoad(
    (): Promise<Results> =>
      api.peopleSearch(debounced, null).then(
        (people) => ({ query: debounced, people }),
        () => ({ query: debounced, people: [] }),
      ),
    [debounced],
  );
  const results = load.data;
  const [open, setOpen] = useState(false);
  // The highlighted option, by person: results that arrive late (the debounced search catching up with the
  // typing) keep it when it is still listed, so Enter picks what the user highlighted.
  const [activeId, setActiveId] = useState<number | null>(null);
  const autoPick = useRef(props.autoPick);
  const listId = `${id}-list`;
  const statusId = `${id}-status`;

  // New results: the highlight stays only on a person still listed; with `autoPick`, the first search's
  // only match is linked.
  useEffect(() => {
    if (results === null) return;
    setActiveId((a) => (results.people.some((p) => p.id === a) ? a : null));
    if (autoPick.current) {
      autoPick.current = false;
      const only = results.people.length === 1 ? results.people[0] : undefined;
      if (only) onChange(only.name, { id: only.id, name: only.name });
    }
  }, [results, onChange]);

  const people = results?.people ?? [];
  const active = people.findIndex((p) => p.id === activeId);
  const setActive = (i: number) => setActiveId(people[i]?.id ?? null);
  const shown = open && results !== null && people.length > 0;
  const pick = (p: Person) => {
    onChange(p.name, { id: p.id, name: p.name });
    setOpen(false);
    setActiveId(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : people.length - 1);
        return;
      }
      const n = people.length;
      if (n === 0) return;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && shown && active >= 0) {
      const p = people[active];
      if (p) {
        e.preventDefault();
        pick(p);
      }
    } else if (e.key === 'Escape' && shown) {
      // Closes the list only, not the form.
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  const searched = results !== null && results.query === query.trim();
  let status: string | null = null;
  if (person === null && query.trim() !== '' && searched)
    status = people.length === 0 ? t('integrations.person.none_found', { query: query.trim() }) : t('integrations.person.pick');

  const describedBy = [status ? statusId : '', props.describedBy ?? ''].filter(Boolean).join(' ');

  return (
    <>
      <div class="combo-row">
        <div class="combo">
          <input
            id={id}
            name="person"
            class={person ? 'input combo-input linked' : 'input combo-input'}
            type="text"
            role="combobox"
            autoComplete="off"
            spellcheck={false}
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
            aria-required={props.required}
            required={props.required}
            aria-invalid={props.invalid}
            aria-describedby={describedBy || undefined}
            value={query}
            onInput={(e) => {
              onChange(e.currentTarget.value, null);
              setOpen(true);
            }}
            onClick={() => setOpen(true)}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          {person && <Icon name="check" class="combo-linked" />}
          <ul
            id={listId}
            role="listbox"
            class="combo-list"
            aria-label={t('integrations.person.results')}
            hidden={!shown}
            data-testid="person-options"
          >
            {shown &&
              people.map((p, i) => (
                <li
                  key={p.id}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  class={i === active ? 'combo-option active' : 'combo-option'}
                  data-testid="person-option"
                  // Keep the focus in the input: the click picks, the blur would close the list first.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(p)}
                >
                  <span class="combo-name">{p.name}</span>
                  <span class="combo-sub">
                    {t(KIND_KEYS[p.kind])}
                    {p.document_display ? ` · ${p.document_display}` : ''}
                  </span>
                </li>
              ))}
          </ul>
        </div>
        <button
          type="button"
          class="btn btn-ellipsis"
          data-testid="person-new"
          title={t('people.new_company')}
          aria-label={t('people.new_company')}
          onClick={() => props.onNew(person ? '' : query.trim())}
        >
          …
        </button>
      </div>
      {status && (
        <p class="combo-status" id={statusId} role="status" data-testid="person-status">
          {status}
        </p>
      )}
    </>
  );
}
