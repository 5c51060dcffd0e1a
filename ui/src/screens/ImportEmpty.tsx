import { DemoStart } from '../components/DemoStart';
import { Icon } from '../components/Icon';
import { TitleBar } from '../components/TitleBar';
import { useI18n } from '../i18n';
import { href } from '../router';

/** Importar vendas with no integration to import from: where to register one, or the demo. */
export function ImportEmpty() {
  const { t } = useI18n();
  return (
    <>
      <TitleBar title={t('import.title')} />
      <div class="content">
        <section class="card state import-empty" data-testid="import-empty">
          <Icon name="plug" class="state-icon" />
          <p>{t('import.empty', { path: `${t('menu.registry')} > ${t('menu.integrations')}` })}</p>
          <div class="state-actions">
            <a class="btn btn-primary" href={href('integrations')}>
              {t('import.open_integrations', { name: t('menu.integrations') })}
            </a>
            <DemoStart help={false} describedBy="demo-start-help" />
          </div>
          <p class="help demo-help" id="demo-start-help">
            {t('demo.start_help')}
          </p>
        </section>
      </div>
    </>
  );
}
