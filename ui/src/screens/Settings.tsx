import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo } from '../bindings/AppInfo';
import type { DemoStatus } from '../bindings/DemoStatus';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Locale } from '../bindings/Locale';
import type { WoobaSettings } from '../bindings/WoobaSettings';
import { CardLoad } from '../components/CardLoad';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DemoStart } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import { RichText } from '../components/RichText';
import { TitleBar } from '../components/TitleBar';
import { useToast } from '../components/toasts';
import { isLocale, LOCALES, useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';

const LANG_KEYS: Record<Locale, string> = { 'pt-BR': 'lang.pt-BR', it: 'lang.it', en: 'lang.en' };

export function Settings({ info, onLocale }: { info: AppInfo; onLocale: (l: Locale) => void }) {
  const { t, locale } = useI18n();
  const [error, setError] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (value: string) => {
    if (!isLocale(value) || value === locale) return;
    setBusy(true);
    try {
      await api.setLocale(value);
      setError(null);
      onLocale(value);
    } catch (e) {
      setError(e as ErrorReply);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <TitleBar title={t('settings.title')} />
      <div class="content settings">
        <section class="card settings-card">
          <div class="field">
            <label for="settings-language" class="label">
              {t('settings.language')}
            </label>
            <select
              id="settings-language"
              class="input select"
              value={locale}
              disabled={busy}
              aria-describedby="settings-language-help"
              onChange={(e) => void change(e.currentTarget.value)}
            >
              {LOCALES.map((l) => (
                <option value={l} key={l} lang={l}>
                  {t(LANG_KEYS[l])}
                </option>
              ))}
            </select>
            {error && (
              <p class="field-error" role="alert">
                {t(error.key, error.params)}
              </p>
            )}
            <p class="help" id="settings-language-help">
              {t('settings.language_help')}
            </p>
          </div>
        </section>
        <StartupCard />
        <WoobaCard />
        <DemoCard />
        <section class="card settings-card" aria-labelledby="settings-about">
          <h2 id="settings-about" class="card-title">
            {t('settings.about')}
          </h2>
          <dl class="facts">
            <dt>{t('settings.version')}</dt>
            <dd data-testid="settings-version">{info.version}</dd>
            <dt>{t('settings.data_dir')}</dt>
            <dd>
              <code class="path" data-testid="settings-data-dir">
                {info.data_dir}
              </code>
              <p class="help">
                <RichText text={t('settings.data_dir_help')} />
              </p>
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}

type WoobaState = { status: 'loading' } | { status: 'ok'; settings: WoobaSettings } | { status: 'error'; error: ErrorReply };

/**
 * Configurações > Integrações: Wooba's Developer-Token (write-only, in the keyring) and Wooba's public key.
 * They belong to Ponte as the software vendor, not to the agency.
 */
function WoobaCard() {
  const { t } = useI18n();
  const toast = useToast();
  const [state, setState] = useState<WoobaState>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [token, setToken] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [pem, setPem] = useState('');
  const [error, setError] = useState<ErrorReply | null>(null);
  const [busy, setBusy] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const [focusToken, setFocusToken] = useState(false);

  useEffect(() => {
    let stale = false;
    api.woobaSettingsGet().then(
      (settings) => {
        if (stale) return;
        setState({ status: 'ok', settings });
        setPem(settings.public_key_pem ?? '');
      },
      (e: ErrorReply) => !stale && setState({ status: 'error', error: e }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  useEffect(() => {
    if (!focusToken) return;
    tokenRef.current?.focus();
    setFocusToken(false);
  }, [focusToken]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const settings = await api.woobaSettingsSet({
        developer_token: token.trim() === '' ? null : token,
        public_key_pem: pem.trim() === '' ? null : pem,
      });
      setState({ status: 'ok', settings });
      setPem(settings.public_key_pem ?? '');
      setToken('');
      setReplacing(false);
      setError(null);
      toast(t('settings.wooba.saved'));
    } catch (err) {
      setError(toErrorReply(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldMessages = (field: string) => (error?.fields ?? []).filter((f) => f.field === field);
  const other = error ? (error.fields.length === 0 ? [{ key: error.key, params: error.params }] : error.fields.filter((f) => f.field !== 'public_key_pem' && f.field !== 'developer_token')) : [];
  const pemErrors = fieldMessages('public_key_pem');
  const tokenErrors = fieldMessages('developer_token');

  return (
    <section class="card settings-card" aria-labelledby="settings-integrations" data-testid="settings-integrations">
      <h2 id="settings-integrations" class="card-title">
        {t('settings.integrations')}
      </h2>
      <p class="help settings-intro">{t('settings.integrations_help')}</p>
      {state.status !== 'ok' ? (
        <CardLoad state={state} onRetry={() => setReload((n) => n + 1)} />
      ) : (
        <form class="settings-form" noValidate onSubmit={(e) => void save(e)}>
          {other.length > 0 && (
            <div class="form-summary" role="alert" data-testid="wooba-error">
              <Icon name="alert" />
              <p>{other.map((m) => t(m.key, m.params)).join(' ')}</p>
            </div>
          )}
          <div class={tokenErrors.length > 0 ? 'field invalid' : 'field'}>
            {state.settings.developer_token_set && !replacing ? (
              <>
                <span class="label" id="wooba-token-label">
                  {t('settings.wooba.token')}
                </span>
                <div class="secret-set" data-testid="secret-set-developer_token">
                  <span class="badge badge-set">
                    <Icon name="check" class="badge-icon" />
                    {t('integrations.secret_set')}
                  </span>
                  <button
                    type="button"
                    class="btn btn-small"
                    data-testid="secret-replace-developer_token"
                    aria-label={`${t('integrations.secret.replace')}: ${t('settings.wooba.token')}`}
                    onClick={() => {
                      setReplacing(true);
                      setFocusToken(true);
                    }}
                  >
                    {t('integrations.secret.replace')}
                  </button>
                </div>
              </>
            ) : (
              <>
                <label class="label" for="wooba-token">
                  {t('settings.wooba.token')}
                </label>
                <div class="secret-row">
                  <input
                    id="wooba-token"
                    ref={tokenRef}
                    name="developer_token"
                    type="password"
                    class="input mono"
                    autoComplete="new-password"
                    spellcheck={false}
                    value={token}
                    aria-invalid={tokenErrors.length > 0}
                    aria-describedby="wooba-token-help"
                    onInput={(e) => setToken(e.currentTarget.value)}
                  />
                  {replacing && (
                    <button
                      type="button"
                      class="btn"
                      data-testid="secret-keep-developer_token"
                      onClick={() => {
                        setReplacing(false);
                        setToken('');
                      }}
                    >
                      {t('integrations.secret.keep')}
                    </button>
                  )}
                </div>
              </>
            )}
            {tokenErrors.length > 0 && (
              <p class="field-error" data-testid="error-developer_token">
                {tokenErrors.map((m) => t(m.key, m.params)).join(' ')}
              </p>
            )}
            <p class="help" id="wooba-token-help">
              {t('settings.wooba.token_help')}
            </p>
          </div>
          <div class={pemErrors.length > 0 ? 'field invalid' : 'field'}>
            <label class="label" for="wooba-pem">
              {t('settings.wooba.pem')}
            </label>
            <textarea
              id="wooba-pem"
              name="public_key_pem"
              class="input textarea mono"
              rows={5}
              spellcheck={false}
              autoComplete="off"
              placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
              value={pem}
              aria-invalid={pemErrors.length > 0}
              aria-describedby={pemErrors.length > 0 ? 'wooba-pem-error wooba-pem-help' : 'wooba-pem-help'}
              onInput={(e) => setPem(e.currentTarget.value)}
            />
            {pemErrors.length > 0 && (
              <p class="field-error" id="wooba-pem-error" data-testid="error-public_key_pem">
                {pemErrors.map((m) => t(m.key, m.params)).join(' ')}
              </p>
            )}
            <p class="help" id="wooba-pem-help">
              {t('settings.wooba.pem_help')}
            </p>
          </div>
          <div class="settings-actions">
            <button type="submit" class="btn btn-primary" data-testid="settings-wooba-save" disabled={busy} aria-busy={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

type Loaded<T> = { status: 'loading' } | { status: 'ok'; value: T } | { status: 'error'; error: ErrorReply };

/** Start with the system: hidden, in the tray, so that reminders and scheduled imports keep working. */
function StartupCard() {
  const { t } = useI18n();
  const toast = useToast();
  const [state, setState] = useState<Loaded<boolean>>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  /** What was just asked for, shown until the answer says what it is now. */
  const [asked, setAsked] = useState<boolean | null>(null);
  const [error, setError] = useState<ErrorReply | null>(null);
  const busy = asked !== null;

  useEffect(() => {
    let stale = false;
    api.autostartGet().then(
      (value) => !stale && setState({ status: 'ok', value }),
      (e: unknown) => !stale && setState({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  const change = async (enabled: boolean) => {
    if (busy) return;
    setAsked(enabled);
    try {
      const value = await api.autostartSet(enabled);
      setState({ status: 'ok', value });
      setError(null);
      toast(t(value ? 'settings.autostart_on' : 'settings.autostart_off'));
    } catch (e) {
      setError(toErrorReply(e));
    } finally {
      setAsked(null);
    }
  };

  return (
    <section class="card settings-card" aria-labelledby="settings-startup" data-testid="settings-startup">
      <h2 id="settings-startup" class="card-title">
        {t('settings.startup')}
      </h2>
      {state.status === 'error' ? (
        <CardLoad state={state} onRetry={() => setReload((n) => n + 1)} />
      ) : (
        <div class="field">
          <label class="check-label" for="settings-autostart">
            <input
              id="settings-autostart"
              type="checkbox"
              name="autostart"
              data-testid="autostart"
              checked={asked ?? (state.status === 'ok' && state.value)}
              disabled={state.status !== 'ok' || busy}
              aria-busy={busy}
              aria-describedby="settings-autostart-help"
              onChange={(e) => void change(e.currentTarget.checked)}
            />
            <span>{t('settings.autostart')}</span>
          </label>
          {error && (
            <p class="field-error" role="alert" data-testid="autostart-error">
              {t(error.key, error.params)}
            </p>
          )}
          <p class="help check-help" id="settings-autostart-help">
            {t('settings.autostart_help')}
          </p>
        </div>
      )}
    </section>
  );
}

/** Whether the demo data is there, and removing it (its integrations take their imported sales with them). */
function DemoCard() {
  const { t } = useI18n();
  const toast = useToast();
  const [state, setState] = useState<Loaded<DemoStatus>>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorReply | null>(null);

  useEffect(() => {
    let stale = false;
    api.demoStatus().then(
      (value) => !stale && setState({ status: 'ok', value }),
      (e: unknown) => !stale && setState({ status: 'error', error: toErrorReply(e) }),
    );
    return () => {
      stale = true;
    };
  }, [reload]);

  const remove = async () => {
    setBusy(true);
    try {
      const value = await api.demoRemove();
      setState({ status: 'ok', value });
      setError(null);
      toast(t('demo.removed'));
    } catch (e) {
      setError(toErrorReply(e));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const active = state.status === 'ok' && state.value.active;
  return (
    <section class="card settings-card" aria-labelledby="settings-demo" data-testid="settings-demo" data-active={state.status === 'ok' ? String(active) : undefined}>
      <h2 id="settings-demo" class="card-title card-title-badge">
        {t('settings.demo')}
        {state.status === 'ok' && (
          <span class={active ? 'badge badge-demo' : 'badge badge-on'} data-testid="demo-state">
            {t(active ? 'demo.active' : 'demo.inactive')}
          </span>
        )}
      </h2>
      {state.status !== 'ok' ? (
        <CardLoad state={state} onRetry={() => setReload((n) => n + 1)} />
      ) : active ? (
        <>
          <p class="settings-text">{t('settings.demo_active', { suffix: t('demo.suffix') })}</p>
          {error && (
            <p class="field-error" role="alert" data-testid="demo-error">
              {t(error.key, error.params)}
            </p>
          )}
          <div class="settings-actions settings-actions-start">
            <button type="button" class="btn btn-danger-outline" data-testid="demo-remove" disabled={busy} aria-busy={busy} onClick={() => setConfirming(true)}>
              <Icon name="trash" />
              {busy ? t('demo.removing') : t('demo.remove')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p class="settings-text" id="settings-demo-text">
            {t('settings.demo_inactive')}
          </p>
          <DemoStart help={false} describedBy="settings-demo-text" />
        </>
      )}
      {confirming && (
        <ConfirmDialog
          message={t('demo.confirm_remove')}
          confirmLabel={t('demo.remove')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
