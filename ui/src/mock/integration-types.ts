// The mock backend's copy of ponte-core's integration_types/*.rs declarations (what `integration_types`
// answers). backend.test.ts parses the Rust files and fails when this copy drifts from them.
import type { FieldKind } from '../bindings/FieldKind';
import type { FieldSpec } from '../bindings/FieldSpec';
import type { IntegrationType } from '../bindings/IntegrationType';
import type { IntegrationTypeSpec } from '../bindings/IntegrationTypeSpec';
import type { Rule } from '../bindings/Rule';
import type { Section } from '../bindings/Section';

interface Opts {
  rule?: Rule;
  max?: number;
  placeholder?: string;
  optional?: boolean;
}

function field(ty: IntegrationType, key: string, kind: FieldKind, section: Section, o: Opts = {}): FieldSpec {
  const base = `integration.${ty}.${key}`;
  return {
    key,
    kind,
    section,
    required: !o.optional,
    rule: o.rule ?? 'none',
    max_len: o.max ?? (kind === 'secret' ? 4096 : kind === 'url' ? 500 : 200),
    default: null,
    placeholder: o.placeholder ?? null,
    label_key: `${base}.label`,
    help_key: `${base}.help`,
  };
}

function spec(ty: IntegrationType, fields: FieldSpec[], tokensElsewhere = false): IntegrationTypeSpec {
  const base = `integration.${ty}`;
  return {
    type: ty,
    name_key: `${base}.name`,
    summary_key: `${base}.summary`,
    before_key: `${base}.before`,
    fields,
    tokens_elsewhere: tokensElsewhere,
  };
}

export const MOCK_TYPES: IntegrationTypeSpec[] = [
  spec('infotravel', [
    field('infotravel', 'url', 'url', 'main', { placeholder: 'https://bwt.infotravel.com.br' }),
    field('infotravel', 'supplier_id', 'text', 'main', { rule: 'identifier', max: 40, placeholder: 'BWT' }),
    field('infotravel', 'agency_code', 'text', 'main', { rule: 'digits', max: 20 }),
    field('infotravel', 'username', 'text', 'api_access', { max: 120 }),
    field('infotravel', 'password', 'secret', 'api_access'),
  ]),
  spec('wooba', [
    field('wooba', 'username', 'text', 'main', { max: 120 }),
    field('wooba', 'password', 'secret', 'main'),
    field('wooba', 'url', 'url', 'main', { placeholder: 'https://bwtoperadora.travellink.com.br/' }),
  ]),
  spec(
    'paytourist',
    [
      field('paytourist', 'comune', 'text', 'main', { rule: 'subdomain', max: 63, placeholder: 'firenze' }),
      field('paytourist', 'structure_id', 'text', 'main', { rule: 'digits', max: 20 }),
      field('paytourist', 'software_id', 'text', 'main', { rule: 'digits', max: 20 }),
      field('paytourist', 'api_url', 'url', 'advanced', { optional: true }),
    ],
    true,
  ),
];
