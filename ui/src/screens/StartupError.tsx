import type { ErrorReply } from '../bindings/ErrorReply';
import type { Locale } from '../bindings/Locale';
import { BrandMark, Icon } from '../components/Icon';
import { RichText } from '../components/RichText';
import { translate } from '../i18n';

/** Shown instead of the app when the data folder or database could not be opened. */
export function StartupError({ locale, error }: { locale: Locale; error: ErrorReply }) {
  const t = (key: string, params?: Record<string, string>) => translate(locale, key, params);
  return (
    <main class="startup-error" lang={locale}>
      <div class="startup-card card" role="alert">
        <div class="startup-head">
          <BrandMark class="startup-mark" />
          <Icon name="alert" class="startup-alert" />
        </div>
        <h1>{t('startup.title')}</h1>
        <p class="startup-message" data-testid="startup-error">
          <RichText text={t(error.key, error.params)} />
        </p>
        <p class="help">{t('startup.hint')}</p>
        <p class="startup-code">
          <code>{error.code}</code>
        </p>
      </div>
    </main>
  );
}
