import '../styles/tokens.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Expiry } from '../bindings/Expiry';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { ReminderSettings } from '../bindings/ReminderSettings';
import { CardLoad } from '../components/CardLoad';
import { Icon } from '../components/Icon';
import { rowKeyDown } from '../components/ListTable';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';
import { addThresholds, DEFAULT_THRESHOLDS, expiryBadge, expiryHref, secretLabelKey, sortExpiries, thresholdLabel } from '../reminders-model';
import type { Message } from '../form-errors';
import { daysLeftText, formatDay } from '../tokens-model';
import { StatusBadge } from './TokensParts';

type ListState = { status: 'loading' } | { status: 'ok'; items: Expiry[]; types: IntegrationTypeSpec[] } | { status: 'error'; error: ErrorReply };
type SettingsState = { status: 'loading' } | { status: 'ok' } | { status: 'error'; error: ErrorReply };

const SETTINGS_FIELDS = ['thresholds', 'quiet_start', 'quiet_end', 'clipboard_clear_secs'] as const;
type SettingsField = (typeof SETTINGS_FIELDS)[number];

/** Lembretes: every credential that expires, soonest first, and when Ponte reminds. */
export function Reminders() {
  const { t } = useI18n();
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let stale = false;
    // The types only name the secrets' fields (Senha rather than `password`): the list does without them.
    Promise.all([api.expiriesList(), api.integrationTypes().catch((): IntegrationTypeSpec[] => [])]).then(
      ([items, types]) => !stale && setList({ status: 'ok', items: sortExpiries(items), types }),
      (e: unknown) => !stale && setList({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  return (
    <>
      <TitleBar title={t('menu.reminders')} />
      <div class="content reminders">
        <div class="reminders-grid">
          <section class="card reminders-list" aria-labelledby="reminders-list-title">
            <h2 class="card-title card-title-pad" id="reminders-list-title">
              {t('reminders.list_title')}
            </h2>
            {list.status === 'error' ? (
              <div class="state state-error" role="alert">
                <Icon name="alert" class="state-icon" />
                <p>{t(list.error.key, list.error.params)}</p>
                <button type="button" class="btn" onClick={() => setReload((n) => n + 1)}>
                  {t('common.retry')}
                </button>
              </div>
            ) : list.status === 'loading' ? (
              <div class="state" aria-busy="true">
                <p>{t('common.loading')}</p>
              </div>
            ) : list.items.length === 0 ? (
              <div class="state" data-testid="reminders-empty">
                <Icon name="bell" class="state-icon" />
                <p>{t('reminders.empty')}</p>
                <a class="btn" href="#/tokens">
                  <Icon name="key" />
                  {t('reminders.open_tokens')}
                </a>
              </div>
            ) : (
              <ExpiryTable items={list.items} types={list.types} />
            )}
          </section>
          <SettingsCard />
        </div>
      </div>
    </>
  );
}

function ExpiryTable({ items, types }: { items: Expiry[]; types: IntegrationTypeSpec[] }) {
  const { t, locale, formatNumber } = useI18n();
  const open = (e: Expiry) => {
    window.location.hash = expiryHref(e);
  };
  return (
    <div class="table-scroll">
      <table class="table expiry-table" aria-labelledby="reminders-list-title">
        <thead>
          <tr>
            <th scope="col" class="col-credential">
              {t('reminders.col.credential')}
            </th>
            <th scope="col" class="col-rexpires">
              {t('tokens.col.expires')}
            </th>
            <th scope="col" class="col-tdays">
              {t('tokens.col.days')}
            </th>
            <th scope="col" class="col-tstatus">
              {t('tokens.col.status')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const token = e.token_id !== null;
            const title = t(token ? 'reminders.open_token' : 'reminders.open_integration');
            const secretKey = token ? null : secretLabelKey(types, e.label);
            return (
              <tr
                key={e.key}
                tabIndex={0}
                data-testid="expiry-row"
                data-key={e.key}
                data-days={e.days_left}
                title={title}
                onClick={() => open(e)}
                onKeyDown={(ev) => rowKeyDown(ev, () => open(e))}
              >
                <td class="col-credential">
                  <span class="cell-main" data-testid="expiry-label">
                    {token ? e.label : e.integration}
                  </span>
                  <span class="cell-sub">
                    {token ? `${t('reminders.kind.token')} · ${e.integration}` : `${t('reminders.kind.secret')}: ${secretKey ? t(secretKey) : e.label}`}
                  </span>
                </td>
                <td class="col-rexpires">{formatDay(locale, e.expires_on)}</td>
                <td class={e.days_left < 0 ? 'col-tdays days-expired' : 'col-tdays'} data-testid="expiry-days">
                  {daysLeftText(t, formatNumber, e.days_left)}
                </td>
                <td class="col-tstatus">
                  <StatusBadge badge={expiryBadge(e.days_left)} testid="expiry-status" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SettingsCard() {
  const { t, formatNumber } = useI18n();
  const toast = useToast();
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [thresholds, setThresholds] = useState<number[]>([]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [clipSecs, setClipSecs] = useState('');
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<Partial<Record<SettingsField, Message[]>>>({});
  const [summary, setSummary] = useState<Message[]>([]);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const show = (s: ReminderSettings) => {
    setThresholds(s.thresholds);
    setStart(s.quiet_hours.start);
    setEnd(s.quiet_hours.end);
    setClipSecs(String(s.clipboard_clear_secs));
  };

  useEffect(() => {
    let stale = false;
    api.reminderSettingsGet().then(
      (s) => {
        if (stale) return;
        show(s);
        setState({ status: 'ok' });
      },
      (e: unknown) => !stale && setState({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  const clear = (f: SettingsField) =>
    setErrors((old) => {
      if (!old[f]) return old;
      const next = { ...old };
      delete next[f];
      return next;
    });

  /** Adds what is typed; false (with the message next to the field) if it cannot be added. */
  const addTyped = (): number[] | null => {
    if (typed.trim() === '') return thresholds;
    const r = addThresholds(thresholds, typed);
    if (!r.ok) {
      setErrors((old) => ({ ...old, thresholds: [{ key: r.key, params: {} }] }));
      inputRef.current?.focus();
      return null;
    }
    setThresholds(r.list);
    setTyped('');
    clear('thresholds');
    return r.list;
  };

  const remove = (d: number) => {
    setThresholds((old) => old.filter((x) => x !== d));
    clear('thresholds');
    inputRef.current?.focus();
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const list = addTyped();
    if (list === null) return;
    setBusy(true);
    try {
      const secs = Number(clipSecs.trim());
      const s = await api.reminderSettingsSet({
        thresholds: list,
        quiet_hours: { start, end },
        // A non-number reaches the backend as 0, which it refuses next to the field.
        clipboard_clear_secs: Number.isFinite(secs) ? Math.trunc(secs) : 0,
      });
      show(s);
      setErrors({});
      setSummary([]);
      toast(t('reminders.saved'));
    } catch (err) {
      const reply = toErrorReply(err);
      const fields: Partial<Record<SettingsField, Message[]>> = {};
      const rest: Message[] = [];
      for (const i of reply.fields) {
        const m = { key: i.key, params: i.params };
        if ((SETTINGS_FIELDS as readonly string[]).includes(i.field)) (fields[i.field as SettingsField] ??= []).push(m);
        else rest.push(m);
      }
      if (reply.fields.length === 0) rest.push({ key: reply.key, params: reply.params });
      setErrors(fields);
      setSummary(rest);
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: SettingsField) => {
    const ms = errors[f] ?? [];
    return ms.length > 0 ? (
      <p class="field-error" id={`rem-${f}-error`} data-testid={`error-${f}`}>
        {ms.map((m) => t(m.key, m.params)).join(' ')}
      </p>
    ) : null;
  };
  const invalid = (f: SettingsField) => (errors[f]?.length ?? 0) > 0;
  const describedBy = (f: SettingsField, help: string) => [invalid(f) ? `rem-${f}-error` : '', help].filter(Boolean).join(' ');

  return (
    <section class="card settings-card reminders-settings" aria-labelledby="reminders-settings-title" data-testid="reminder-settings">
      <h2 class="card-title" id="reminders-settings-title">
        {t('reminders.settings_title')}
      </h2>
      <p class="help settings-intro">{t('reminders.settings_help')}</p>
      {state.status !== 'ok' ? (
        <CardLoad state={state} onRetry={() => setReload((n) => n + 1)} />
      ) : (
        <form class="settings-form" noValidate onSubmit={(e) => void save(e)}>
          {summary.length > 0 && (
            <div class="form-summary" role="alert" data-testid="form-summary">
              <Icon name="alert" />
              <p>{summary.map((m) => t(m.key, m.params)).join(' ')}</p>
            </div>
          )}
          <div class={invalid('thresholds') ? 'field invalid' : 'field'} data-field="thresholds">
            <label class="label" for="rem-threshold-input" id="rem-thresholds-label">
              {t('reminders.thresholds')}
            </label>
            <div class="chips" data-testid="reminder-thresholds" role="group" aria-labelledby="rem-thresholds-label" onClick={() => inputRef.current?.focus()}>
              {thresholds.map((d) => {
                const label = thresholdLabel(t, formatNumber, d);
                return (
                  <span class="chip" key={d} data-testid="threshold-chip" data-days={d}>
                    {label}
                    <button
                      type="button"
                      class="chip-remove"
                      data-testid="threshold-remove"
                      aria-label={t('reminders.threshold.remove', { label })}
                      title={t('reminders.threshold.remove', { label })}
                      onClick={(e) => {
                        e.stopPropagation();
                        remove(d);
                      }}
                    >
                      <Icon name="close" />
                    </button>
                  </span>
                );
              })}
              <input
                id="rem-threshold-input"
                ref={inputRef}
                name="threshold"
                class="chip-input"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('reminders.threshold.placeholder')}
                title={t('reminders.threshold.input')}
                aria-invalid={invalid('thresholds')}
                aria-describedby={describedBy('thresholds', 'rem-thresholds-help')}
                value={typed}
                onInput={(e) => {
                  setTyped(e.currentTarget.value);
                  clear('thresholds');
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ',') {
                    e.preventDefault();
                    addTyped();
                  } else if (e.key === 'Backspace' && typed === '' && thresholds.length > 0) {
                    const last = thresholds[thresholds.length - 1];
                    if (last !== undefined) remove(last);
                  }
                }}
              />
            </div>
            {fieldError('thresholds')}
            <p class="help" id="rem-thresholds-help">
              {t('reminders.thresholds_help')}
            </p>
            <div>
              <button
                type="button"
                class="btn btn-small"
                data-testid="reminder-defaults"
                onClick={() => {
                  setThresholds([...DEFAULT_THRESHOLDS]);
                  setTyped('');
                  clear('thresholds');
                }}
              >
                {t('reminders.defaults')}
              </button>
            </div>
          </div>
          <fieldset class="field fieldset-plain" aria-describedby="rem-quiet-help">
            <legend class="label">{t('reminders.quiet')}</legend>
            <div class="time-row">
              <div class={invalid('quiet_start') ? 'field invalid' : 'field'}>
                <label class="label label-light" for="rem-quiet_start">
                  {t('reminders.quiet_start')}
                </label>
                <input
                  id="rem-quiet_start"
                  name="quiet_start"
                  class="input input-time"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={5}
                  placeholder="22:00"
                  value={start}
                  aria-invalid={invalid('quiet_start')}
                  aria-describedby={describedBy('quiet_start', '') || undefined}
                  onInput={(e) => {
                    setStart(e.currentTarget.value);
                    clear('quiet_start');
                  }}
                />
              </div>
              <div class={invalid('quiet_end') ? 'field invalid' : 'field'}>
                <label class="label label-light" for="rem-quiet_end">
                  {t('reminders.quiet_end')}
                </label>
                <input
                  id="rem-quiet_end"
                  name="quiet_end"
                  class="input input-time"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={5}
                  placeholder="08:00"
                  value={end}
                  aria-invalid={invalid('quiet_end')}
                  aria-describedby={describedBy('quiet_end', '') || undefined}
                  onInput={(e) => {
                    setEnd(e.currentTarget.value);
                    clear('quiet_end');
                  }}
                />
              </div>
            </div>
            {fieldError('quiet_start')}
            {fieldError('quiet_end')}
            <p class="help" id="rem-quiet-help">
              {t('reminders.quiet_help')}
            </p>
          </fieldset>
          <div class={invalid('clipboard_clear_secs') ? 'field invalid' : 'field'}>
            <label class="label" for="rem-clipboard_clear_secs">
              {t('reminders.clipboard')}
            </label>
            <input
              id="rem-clipboard_clear_secs"
              name="clipboard_clear_secs"
              class="input input-time"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={3}
              value={clipSecs}
              aria-invalid={invalid('clipboard_clear_secs')}
              aria-describedby={describedBy('clipboard_clear_secs', 'rem-clip-help') || undefined}
              onInput={(e) => {
                setClipSecs(e.currentTarget.value);
                clear('clipboard_clear_secs');
              }}
            />
            {fieldError('clipboard_clear_secs')}
            <p class="help" id="rem-clip-help">
              {t('reminders.clipboard_help')}
            </p>
          </div>
          <div class="settings-actions">
            <button type="submit" class="btn btn-primary" data-testid="reminder-save" disabled={busy} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
