import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { useI18n } from '../i18n';

export type SoonScreen = 'import' | 'sales' | 'tokens' | 'reminders';

const TEXT_KEYS: Record<SoonScreen, string> = {
  import: 'soon.import',
  sales: 'soon.sales',
  tokens: 'soon.tokens',
  reminders: 'soon.reminders',
};

/** An honest placeholder for screens that are not built yet. */
export function Soon({ screen, title }: { screen: SoonScreen; title: string }) {
  const { t } = useI18n();
  return (
    <>
      <TitleBar title={title} />
      <div class="content">
        <section class="soon card" aria-labelledby="soon-title">
          <Icon name="clock" class="soon-icon" />
          <div>
            <h2 id="soon-title" class="badge badge-soon">
              {t('soon.title')}
            </h2>
            <p>{t(TEXT_KEYS[screen])}</p>
          </div>
        </section>
      </div>
    </>
  );
}
