import { useState } from 'preact/hooks';
import type { AppInfo } from '../bindings/AppInfo';
import type { ErrorReply } from '../bindings/ErrorReply';
import type { Locale } from '../bindings/Locale';
import { RichText } from '../components/RichText';
import { TitleBar } from '../components/TitleBar';
import { isLocale, LOCALES, useI18n } from '../i18n';
import { api } from '../api.gen';
import { SettingsDemo } from './SettingsDemo';
import { SettingsStartup } from './SettingsStartup';
import { SettingsWooba } from './SettingsWooba';

const LANG_KEYS: Record<Locale, string> = { 'pt-BR': 'lang.pt-BR', it: 'lang.it', en: 'lang.en' };

/** Configurações: language, start with the system, Wooba vendor settings, the demo, and about. */
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
        <SettingsStartup />
        <SettingsWooba />
        <SettingsDemo />
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
