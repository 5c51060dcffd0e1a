// The parts of a write-only secret field (integration passwords, Wooba's Developer-Token): once stored, it is
// shown only as "definida" with Substituir; while replacing it, Manter keeps the stored one.
import { useI18n } from '../i18n';
import { Icon } from './Icon';

/** A secret in the keyring: the "definida" badge and Substituir (`label`: the field's, for the button's name). */
export function SecretSet(props: { name: string; label: string; describedBy?: string | undefined; onReplace: () => void }) {
  const { t } = useI18n();
  return (
    <div class="secret-set" data-testid={`secret-set-${props.name}`}>
      <span class="badge badge-set">
        <Icon name="check" class="badge-icon" />
        {t('integrations.secret_set')}
      </span>
      <button
        type="button"
        class="btn btn-small"
        data-testid={`secret-replace-${props.name}`}
        aria-label={`${t('integrations.secret.replace')}: ${props.label}`}
        aria-describedby={props.describedBy}
        onClick={props.onReplace}
      >
        {t('integrations.secret.replace')}
      </button>
    </div>
  );
}

/** Manter: gives up replacing a stored secret. */
export function SecretKeep(props: { name: string; onKeep: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn" data-testid={`secret-keep-${props.name}`} onClick={props.onKeep}>
      {t('integrations.secret.keep')}
    </button>
  );
}
