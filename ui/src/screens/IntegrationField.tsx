import type { I18n } from '../i18n';

/** The id of a form field's control (its label, error and help ids derive from it). */
export const fieldId = (key: string) => `if-${key}`;

/**
 * The shared Field's frame props for a field of the integration form: ids from the field's key (the label's
 * too, `if-…-label`), `data-field` on the frame, label and help from the catalogue.
 */
export const fieldFrame = (t: I18n['t'], name: string, labelKey: string, helpKey: string | null) => ({
  id: fieldId(name),
  name,
  labelId: `${fieldId(name)}-label`,
  dataField: true,
  label: t(labelKey),
  help: helpKey ? t(helpKey) : null,
});

/** An input of the open integration form, by name (FormDialog owns the form element). */
export const formInput = (name: string) => document.querySelector<HTMLInputElement>(`[data-testid=integration-form] [name="${name}"]`);
