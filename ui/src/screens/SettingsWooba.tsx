import { useEffect, useRef, useState } from 'preact/hooks';
import type { WoobaSettings } from '../bindings/WoobaSettings';
import { CardLoad } from '../components/CardLoad';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { SecretKeep, SecretSet } from '../components/Secret';
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
  // A stored token shows as "definida" with Substituir; otherwise (or while replacing it), its input.
  const stored = settings.developer_token_set && !replacing;

  return (
    <form class="settings-form" noValidate onSubmit={(e) => void save(e)}>
      {errors.summary.length > 0 && (
        <div class="form-summary" role="alert" data-testid="wooba-error">
          <Icon name="alert" />
          <p>{say(errors.summary)}</p>
        </div>
      )}
      <Field
        id="wooba-token"
        name="developer_token"
        label={t('settings.wooba.token')}
        messages={errors.fields.developer_token ?? []}
        help={t('settings.wooba.token_help')}
        errorId={false}
        labelFor={!stored}
        labelId={stored ? 'wooba-token-label' : undefined}
      >
        {(describedBy) =>
          stored ? (
            <SecretSet
              name="developer_token"
              label={t('settings.wooba.token')}
              onReplace={() => {
                setReplacing(true);
                setFocusToken(true);
              }}
            />
          ) : (
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
                aria-invalid={(errors.fields.developer_token?.length ?? 0) > 0}
                aria-describedby={describedBy}
                onInput={(e) => setToken(e.currentTarget.value)}
              />
              {replacing && (
                <SecretKeep
                  name="developer_token"
                  onKeep={() => {
                    setReplacing(false);
                    setToken('');
                  }}
                />
              )}
            </div>
          )
        }
      </Field>
      <Field id="wooba-pem" name="public_key_pem" label={t('settings.wooba.pem')} messages={pemErrors} help={t('settings.wooba.pem_help')}>
        {(describedBy) => (
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
            aria-describedby={describedBy}
            onInput={(e) => setPem(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="settings-actions">
        <button type="submit" class="btn btn-primary" data-testid="settings-wooba-save" disabled={busy} aria-busy={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
