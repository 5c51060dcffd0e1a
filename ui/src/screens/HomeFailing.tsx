import { useState } from 'preact/hooks';
import type { Failing } from '../bindings/Failing';
import { Icon } from '../components/Icon';
import { useToast } from '../components/toasts';
import { failureKey } from '../home-model';
import { catalogue, useI18n } from '../i18n';
import { api } from '../api.gen';
import { toErrorReply } from '../transport';

/** Integrations whose last test or import failed, with the fix and the button to act. */
export function HomeFailing({ items, onChanged }: { items: Failing[]; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [testing, setTesting] = useState<number | null>(null);

  const retest = async (f: Failing) => {
    setTesting(f.integration_id);
    try {
      await api.integrationTest(f.integration_id, null);
      toast(t('home.failing.fixed', { name: f.description }));
    } catch (e) {
      const r = toErrorReply(e);
      toast(t(r.key, r.params), 'notice');
    } finally {
      setTesting(null);
      onChanged();
    }
  };

  return (
    <section class="card home-card" aria-labelledby="home-failing-title" data-testid="home-failing">
      <h2 class="card-title" id="home-failing-title">
        <Icon name="alert" />
        {t('home.failing.title')}
      </h2>
      {items.length === 0 ? (
        <p class="home-quiet" data-testid="home-failing-none">
          {t('home.failing.none')}
        </p>
      ) : (
        <ul class="home-failures">
          {items.map((f) => (
            <li key={f.integration_id} class="home-failure" data-testid="home-failure">
              <strong>{f.description}</strong>
              <p>{t(failureKey(f, (k) => catalogue(locale)[k]))}</p>
              <div class="home-actions">
                <button type="button" class="btn" disabled={testing !== null} aria-busy={testing === f.integration_id} onClick={() => void retest(f)} data-testid="home-retest">
                  {testing === f.integration_id ? t('home.failing.testing') : t('home.failing.retest')}
                </button>
                <a class="btn" href="#/integrations" data-testid="home-edit">
                  <Icon name="edit" />
                  {t('home.failing.edit')}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
