// The integration form, rendered from the backend's declaration (IntegrationTypeSpec): no type is named
// here, so a type added in Rust needs no UI code. Kept free of the DOM so it can be unit-tested.
import type { ErrorReply } from './bindings/ErrorReply';
import type { FieldSpec } from './bindings/FieldSpec';
import type { Integration } from './bindings/Integration';
import type { IntegrationInput } from './bindings/IntegrationInput';
import type { IntegrationTypeSpec } from './bindings/IntegrationTypeSpec';
import type { Preset } from './bindings/Preset';
import type { Section } from './bindings/Section';
import type { Params } from './i18n';
import type { FormErrors as FE } from './form-errors';
import { firstInvalid as firstInvalidOf, NO_ERRORS as NO_FE, splitErrors as splitReply } from './form-errors';

export type { Message } from './form-errors';

/** Form fields that every type has, before the declared ones. `person` is the person picker. */
export const DESCRIPTION = 'description';
export const PERSON = 'person';

export const SECTION_ORDER: readonly Section[] = ['main', 'api_access', 'advanced'];

/** Heading of each section; the main one has none (its fields follow Descrição and the person). */
export const SECTION_KEYS: Record<Section, string | null> = {
  main: null,
  api_access: 'integrations.section.api_access',
  advanced: 'integrations.section.advanced',
};

export interface PersonRef {
  id: number;
  name: string;
}

/** Where the form came from. */
export type Origin =
  | { mode: 'new'; type: IntegrationTypeSpec['type']; preset?: Preset | null }
  | { mode: 'edit'; integration: Integration }
  /** `integration_duplicate`'s draft: a new integration, secrets asked again. */
  | { mode: 'duplicate'; draft: IntegrationInput; source: Integration };

export interface Draft {
  description: string;
  person: PersonRef | null;
  /** What is typed in the person picker (the linked person's name once one is picked). */
  personQuery: string;
  /** Non-secret values by field key, as typed. */
  values: Record<string, string>;
  /** Secrets typed now, by field key; never filled from the backend. */
  secrets: Record<string, string>;
  /** Secrets already in the keyring ("definida"). */
  secretsSet: string[];
  /** Stored secrets the user chose to replace (their input is shown, empty). */
  replacing: string[];
}

export interface Group {
  section: Section;
  heading: string | null;
  fields: FieldSpec[];
}

/** The declared fields grouped by section (main, API access, advanced), keeping their order; empty groups dropped. */
export function fieldGroups(spec: IntegrationTypeSpec): Group[] {
  return SECTION_ORDER.map((section) => ({
    section,
    heading: SECTION_KEYS[section],
    fields: spec.fields.filter((f) => f.section === section),
  })).filter((g) => g.fields.length > 0);
}

/** Every input of the form in screen (and Tab) order: where focus goes after a failed save. */
export function formOrder(spec: IntegrationTypeSpec): string[] {
  return [DESCRIPTION, PERSON, ...fieldGroups(spec).flatMap((g) => g.fields.map((f) => f.key))];
}

const isSecret = (f: FieldSpec) => f.kind === 'secret';

function declaredValues(spec: IntegrationTypeSpec, from: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of spec.fields) if (!isSecret(f)) out[f.key] = from[f.key] ?? f.default ?? '';
  return out;
}

/** The form's starting state: the declaration's defaults, a preset's values, a saved integration or a copy. */
export function initialDraft(spec: IntegrationTypeSpec, origin: Origin): Draft {
  const base = { secrets: {}, secretsSet: [], replacing: [] };
  switch (origin.mode) {
    case 'new': {
      const p = origin.preset ?? null;
      return {
        ...base,
        description: p?.description ?? '',
        person: null,
        personQuery: p?.person_hint ?? '',
        values: declaredValues(spec, p?.values ?? {}),
      };
    }
    case 'edit': {
      const i = origin.integration;
      return {
        ...base,
        description: i.description,
        person: { id: i.person_id, name: i.person_name },
        personQuery: i.person_name,
        values: declaredValues(spec, i.values),
        secretsSet: spec.fields.filter((f) => isSecret(f) && i.secrets_set.includes(f.key)).map((f) => f.key),
      };
    }
    case 'duplicate': {
      const d = origin.draft;
      const person = d.person_id === null ? null : { id: d.person_id, name: origin.source.person_name };
      return {
        ...base,
        description: d.description,
        person,
        personQuery: person?.name ?? '',
        values: declaredValues(spec, d.values),
      };
    }
  }
}

/** How a secret field shows: "definida" with Substituir, or an (empty, write-only) input. */
export function secretMode(draft: Draft, key: string): 'set' | 'input' {
  return draft.secretsSet.includes(key) && !draft.replacing.includes(key) ? 'set' : 'input';
}

/**
 * What the form submits. Values as typed (the backend trims and reports); only the secrets typed now,
 * untrimmed so that the backend can say it trimmed them. A stored secret not being replaced is not sent,
 * and so keeps its value.
 */
export function toInput(spec: IntegrationTypeSpec, draft: Draft): IntegrationInput {
  const values: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const f of spec.fields) {
    if (isSecret(f)) {
      const typed = draft.secrets[f.key] ?? '';
      if (secretMode(draft, f.key) === 'input' && typed.trim() !== '') secrets[f.key] = typed;
    } else {
      values[f.key] = draft.values[f.key] ?? '';
    }
  }
  return { type: spec.type, description: draft.description, person_id: draft.person?.id ?? null, values, secrets };
}

export type FormErrors = FE<string>;

export const NO_ERRORS: FormErrors = NO_FE;

/** Splits a backend error into messages next to the form's fields and a summary on top. */
export function splitErrors(spec: IntegrationTypeSpec, reply: ErrorReply): FormErrors {
  return splitReply(reply, formOrder(spec));
}

export function firstInvalid(spec: IntegrationTypeSpec, errors: FormErrors): string | null {
  return firstInvalidOf(errors, formOrder(spec));
}

export { withFieldErrors } from './form-errors';

/** The advanced section starts open when something in it is filled in or wrong. */
export function advancedOpen(spec: IntegrationTypeSpec, draft: Draft, errors: FormErrors): boolean {
  return spec.fields
    .filter((f) => f.section === 'advanced')
    .some((f) => {
      const v = (draft.values[f.key] ?? '').trim();
      return (v !== '' && v !== (f.default ?? '')) || (errors.fields[f.key]?.length ?? 0) > 0;
    });
}

/** The first field to focus when the form opens: the first required one still empty, else Descrição. */
export function firstToFill(spec: IntegrationTypeSpec, draft: Draft): string {
  if (draft.description.trim() === '') return DESCRIPTION;
  if (draft.person === null) return PERSON;
  for (const g of fieldGroups(spec))
    for (const f of g.fields) {
      if (!f.required || f.section === 'advanced') continue;
      if (isSecret(f) ? secretMode(draft, f.key) === 'input' && (draft.secrets[f.key] ?? '') === '' : (draft.values[f.key] ?? '').trim() === '')
        return f.key;
    }
  return DESCRIPTION;
}

type T = (key: string, params?: Params) => string;

/** The label of a form field, for messages that name one (`{field}`). */
export function fieldLabel(t: T, spec: IntegrationTypeSpec, key: string): string {
  if (key === DESCRIPTION) return t('integrations.field.description');
  if (key === PERSON) return t('integrations.field.person');
  const f = spec.fields.find((x) => x.key === key);
  return f ? t(f.label_key) : key;
}

/**
 * An error's text as the form shows it: a `{field}` parameter holding a field key (e.g. a missing secret)
 * becomes that field's label.
 */
export function errorText(t: T, spec: IntegrationTypeSpec, reply: Pick<ErrorReply, 'key' | 'params'>): string {
  return t(reply.key, labelledParams(t, spec, reply.params));
}

function labelledParams(t: T, spec: IntegrationTypeSpec, params: Record<string, string>): Record<string, string> {
  return typeof params.field === 'string' ? { ...params, field: fieldLabel(t, spec, params.field) } : params;
}

/** The errors with the summary's `{field}` parameters made labels, as `errorText` shows them (FormDialog translates the summary as is). */
export function labelledSummary(t: T, spec: IntegrationTypeSpec, errors: FormErrors): FormErrors {
  if (!errors.summary.some((m) => typeof m.params.field === 'string')) return errors;
  return { fields: errors.fields, summary: errors.summary.map((m) => ({ key: m.key, params: labelledParams(t, spec, m.params) })) };
}

/** Whether a field is in the collapsible "Avançado" section (opened before focus goes to it). */
export function inAdvanced(spec: IntegrationTypeSpec, key: string | null): boolean {
  return spec.fields.some((f) => f.key === key && f.section === 'advanced');
}

/** The names of the fields a preset fills in, for the picker ("já preenche Descrição, URL Webservice…"). */
export function presetFills(t: T, spec: IntegrationTypeSpec, preset: Preset, join: (items: string[]) => string): string {
  const names = [t('integrations.field.description')];
  for (const f of spec.fields) if ((preset.values[f.key] ?? '') !== '') names.push(t(f.label_key));
  return join(names);
}
