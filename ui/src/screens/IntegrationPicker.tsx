import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { Preset } from '../bindings/Preset';
import { Icon } from '../components/Icon';
import { useI18n } from '../i18n';
import { presetFills } from '../integration-form';

/** Novo: pick a supplier preset (pre-fills the form) or a type. Arrow keys move between the choices. */
export function IntegrationPicker(props: {
  types: IntegrationTypeSpec[];
  presets: Preset[];
  onPick: (spec: IntegrationTypeSpec, preset: Preset | null) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const list = useMemo(() => new Intl.ListFormat(locale, { type: 'conjunction' }), [locale]);

  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    bodyRef.current?.querySelector<HTMLButtonElement>('button.choice')?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const choices = [...(bodyRef.current?.querySelectorAll<HTMLButtonElement>('button.choice') ?? [])];
    const i = choices.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    choices[(i + (e.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length]?.focus();
  };

  const specOf = (p: Preset) => props.types.find((s) => s.type === p.type);

  return (
    <dialog
      ref={ref}
      class="picker"
      aria-labelledby="picker-title"
      aria-describedby="picker-intro"
      data-testid="integration-picker"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <header class="picker-header">
        <h2 id="picker-title">{t('integrations.picker.title')}</h2>
        <button type="button" class="btn-icon" aria-label={t('common.close')} title={t('common.close')} onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div class="picker-body" ref={bodyRef}>
        <p id="picker-intro" class="picker-intro">
          {t('integrations.picker.intro')}
        </p>
        {props.presets.length > 0 && (
          <section aria-labelledby="picker-presets">
            <h3 class="picker-group" id="picker-presets">
              {t('integrations.picker.presets')}
            </h3>
            <ul class="choices">
              {props.presets.map((p) => {
                const spec = specOf(p);
                if (!spec) return null;
                return (
                  <li key={p.id}>
                    <button type="button" class="choice choice-preset" data-testid={`preset-${p.id}`} onClick={() => props.onPick(spec, p)}>
                      <span class="choice-title">{p.label}</span>
                      <span class="choice-sub">
                        {t('integrations.picker.preset_detail', {
                          type: t(spec.name_key),
                          fields: presetFills(t, spec, p, (items) => list.format(items)),
                        })}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <section aria-labelledby="picker-types">
          <h3 class="picker-group" id="picker-types">
            {t('integrations.picker.types')}
          </h3>
          <ul class="choices">
            {props.types.map((s) => (
              <li key={s.type}>
                <button type="button" class="choice" data-testid={`type-${s.type}`} onClick={() => props.onPick(s, null)}>
                  <span class="choice-title">{t(s.name_key)}</span>
                  <span class="choice-sub">{t(s.summary_key)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </dialog>
  );
}
