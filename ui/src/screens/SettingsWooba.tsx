import { useEffect, useRef, useState } from 'preact/hooks';
import type { WoobaSettings } from '../bindings/WoobaSettings';
import { CardLoad } from '../components/CardLoad';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import type { FormErrors, Message } from '../form-errors';
import { NO_ERRORS } from '../form-errors';
import { useI18n } from '../i18n';
import { api } from '../api.gen';
import type { WoobaField } from '../settings-wooba';
import { woobaErrors } from '../settings-wooba';
import { toErrorReply } from '../transport';
import { useLoad } from '../use-load';

/**
 * Configurações > Integrações: Wooba's Developer-Token (write-only, in the keyring) and Wooba's public key.
 * They belong to Ponte as the software vendor, not to the agency.
 */
export function SettingsWooba() {
  const { t } = useI18n();
  const { load, reload } = useLoad(() => api.woobaSettingsGet(), []);
  return (
    <section class="card settings-card" aria-labelledby="settings-integrations" data-testid="settings-integrations">
      <h2 id="settings-integrations" class="card-title">
        {t('settings.integrations')}
      </h2>
      <p class="help settings-intro">{t('settings.integrations_help')}</p>
      {load.state !== 'ready' ? <CardLoad state={load} onRetry={reload} /> : <WoobaForm initial={load.data} />}
    </section>
  );
}

/** The form, once the settings are read: it starts from them and keeps what each save answers. */
function WoobaForm({ initial }: { initial: WoobaSettings }) {
  const { t } = useI18n();
  const toast = useToast();
  const [settings, setSettings] = useState(initial);
  const [token, setToken] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [pem, setPem] = useState(initial.public_key_pem ?? '');
  const [errors, setErrors] = useState<FormErrors<WoobaField>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);
  const [focusToken, setFocusToken] = useState(false);

  // Replacing the token: its field appears, then takes the focus.
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
      const saved = await api.woobaSettingsSet({
        developer_token: token.trim() === '' ? null : token,
        public_key_pem: pem.trim() === '' ? null : pem,
      });
      setSettings(saved);
      setPem(saved.public_key_pem ?? '');
      setToken('');
      setReplacing(false);
      setErrors(NO_ERRORS);
      toast(t('settings.wooba.saved'));
    } catch (err) {
      setErrors(woobaErrors(toErrorReply(err)));
    } finally {
      setBusy(false);
    }
  };

  const say = (messages: Message[]) => messages.map((m) => t(m.key, m.params)).join(' ');
  const pemErrors = errors.fields.public_key_pem ?? [];
  const tokenErrors = errors.fields.developer_token ?? [];

  return (
    <form class="settings-form" noValidate onSubmit={(e) => void save(e)}>
      {errors.summary.length > 0 && (
        <div class="form-summary" role="alert" data-testid="wooba-error">
          <Icon name="alert" />
          <p>{say(errors.summary)}</p>
        </div>
      )}
      <div class={tokenErrors.length > 0 ? 'field invalid' : 'field'}>
        {settings.developer_token_set && !replacing ? (
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
            {say(tokenErrors)}
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
            {say(pemErrors)}
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
  );
}
