// Seed data of the browser tests, created through the real commands: an agency's people, its four
// integrations pointing at the host's supplier simulator, and days counted from today. One set for every
// test file, with options for what a file needs (a failing Wooba password, integrations already tested).
import type { Integration } from '../src/bindings/Integration';
import type { IntegrationInput } from '../src/bindings/IntegrationInput';
import type { Person } from '../src/bindings/Person';
import type { PersonInput } from '../src/bindings/PersonInput';
import type { SaveOutcome } from '../src/bindings/SaveOutcome';
import type { Host } from './harness';

/** An agency's people (valid documents), as a user would have typed them. */
export const PEOPLE: PersonInput[] = [
  { kind: 'company', name: 'Atlântica Operadora de Viagens Ltda', trade_name: 'Atlântica Operadora', document: '45.781.392/0001-01', email: 'comercial@atlantica.example.com.br', phone: '+55 11 3456-7890' },
  { kind: 'company', name: 'Hotel Bellavista Firenze S.r.l.', trade_name: 'Hotel Bellavista', document: '12.ABC.345/01DE-35', email: 'booking@bellavista.example.it', phone: '+39 055 123 4567' },
  { kind: 'company', name: 'Rota Sul Turismo S.A.', trade_name: 'Rota Sul', document: '30.915.486/0001-59', email: 'reservas@rotasul.example.com.br', phone: '+55 48 3222-1100' },
  { kind: 'company', name: 'Litoral Receptivo Ltda', trade_name: 'Litoral Receptivo', document: '72.840.615/0001-37', email: null, phone: '+55 21 4002-8922' },
  { kind: 'individual', name: 'Ana Beatriz Conceição', trade_name: null, document: '529.982.247-25', email: 'ana.conceicao@example.com.br', phone: '+55 11 91234-5678' },
  { kind: 'individual', name: 'João Pedro Álvares', trade_name: null, document: '111.444.777-35', email: null, phone: '(21) 98765-4321' },
  { kind: 'individual', name: 'Giulia Rossi', trade_name: null, document: null, email: 'giulia.rossi@example.it', phone: '+39 333 123 4567' },
  { kind: 'company', name: 'Serra Azul Hotéis S.A.', trade_name: 'Serra Azul', document: '18.039.477/0001-46', email: 'contato@serraazul.example.com.br', phone: null },
];

export const ATLANTICA_PERSON = 'Atlântica Operadora de Viagens Ltda';
export const ROTA_SUL_PERSON = 'Rota Sul Turismo S.A.';
const BELLAVISTA_PERSON = 'Hotel Bellavista Firenze S.r.l.';
const LITORAL_PERSON = 'Litoral Receptivo Ltda';

export const ATLANTICA = 'Atlântica Operadora (Infotravel)';
export const ROTA_SUL = 'Rota Sul (Wooba)';
export const BELLAVISTA = 'Hotel Bellavista (PayTourist Firenze)';
export const LITORAL = 'Litoral Receptivo (Infotravel)';
/** A password the simulated Wooba refuses. */
export const ROTA_SUL_OLD_PASSWORD = 'senha-antiga';

/** Creates PEOPLE (in order; only those named in `names` if given); returns their ids by name. */
export async function seedPeople(host: Host, names?: readonly string[]): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const input of PEOPLE) {
    if (names && !names.includes(input.name)) continue;
    ids[input.name] = (await host.call<Person>('person_create', { input })).id;
  }
  return ids;
}

/** Creates an integration through `integration_create`. */
export async function createIntegration(host: Host, input: IntegrationInput): Promise<Integration> {
  return (await host.call<SaveOutcome>('integration_create', { input })).integration;
}

/** The host simulator's Infotravel account, for `personId`. */
export function infotravelInput(host: Host, description: string, personId: number): IntegrationInput {
  const s = host.sim.infotravel;
  return {
    type: 'infotravel',
    description,
    person_id: personId,
    values: { url: s.url, supplier_id: s.client, agency_code: s.agency, username: s.username },
    secrets: { password: s.password },
  };
}

/** The host simulator's Wooba account, for `personId`, with `password` (default: the one it accepts). */
export function woobaInput(host: Host, description: string, personId: number, password = host.sim.wooba.password): IntegrationInput {
  const s = host.sim.wooba;
  if (password !== s.password) host.useSecret(password);
  return { type: 'wooba', description, person_id: personId, values: { url: s.url, username: s.identifier }, secrets: { password } };
}

/** The host simulator's PayTourist structure (its first) and software, for `personId`. */
export function paytouristInput(host: Host, description: string, personId: number): IntegrationInput {
  const s = host.sim.paytourist;
  return {
    type: 'paytourist',
    description,
    person_id: personId,
    values: { comune: 'firenze', structure_id: String(s.structures[0]!.id), software_id: String(s.software_id), api_url: s.url },
    secrets: {},
  };
}

/** Ponte's own Wooba vendor settings (Developer-Token, public key) as the simulator expects them. */
export async function setWoobaVendor(host: Host): Promise<void> {
  const w = host.sim.wooba;
  await host.call('wooba_settings_set', { input: { developer_token: w.developer_token, public_key_pem: w.public_key_pem } });
}

/** What seedAgency created: people's ids by name, the four integrations (in order) and their ids. */
export interface Agency {
  people: Record<string, number>;
  integrations: Integration[];
  /** Infotravel, the right credentials. */
  atlantica: number;
  /** Wooba (with `rotaSulPassword: 'old'`, a password every call is refused with invalid credentials). */
  rotaSul: number;
  /** PayTourist (not importable), never tested. */
  bellavista: number;
  /** Infotravel, disabled. */
  litoral: number;
}

/**
 * The agency, through the real commands: PEOPLE, then four integrations on this host's simulator, in this
 * order (ids 1–4): Atlântica (Infotravel), Rota Sul (Wooba), Hotel Bellavista (PayTourist) and Litoral
 * Receptivo (Infotravel, disabled); Ponte's Wooba vendor settings are set.
 * - `rotaSulPassword: 'old'`: Rota Sul has a password the simulated Wooba refuses (default: the right one).
 * - `tested`: Atlântica and Litoral are tested (OK) before Litoral is disabled, and Rota Sul's test fails with
 *   invalid_credentials (with `rotaSulPassword: 'old'` and the vendor settings).
 * - `wooba: false`: Ponte's Wooba vendor settings stay unset (Rota Sul is then not tested either).
 */
export async function seedAgency(host: Host, opts: { rotaSulPassword?: 'right' | 'old'; tested?: boolean; wooba?: boolean } = {}): Promise<Agency> {
  const people = await seedPeople(host);
  const person = (name: string) => {
    const id = people[name];
    if (id === undefined) throw new Error(`seed: no person ${name}`);
    return id;
  };
  const password = opts.rotaSulPassword === 'old' ? ROTA_SUL_OLD_PASSWORD : host.sim.wooba.password;
  const integrations = [
    await createIntegration(host, infotravelInput(host, ATLANTICA, person(ATLANTICA_PERSON))),
    await createIntegration(host, woobaInput(host, ROTA_SUL, person(ROTA_SUL_PERSON), password)),
    await createIntegration(host, paytouristInput(host, BELLAVISTA, person(BELLAVISTA_PERSON))),
    await createIntegration(host, infotravelInput(host, LITORAL, person(LITORAL_PERSON))),
  ];
  const [atlantica, rotaSul, bellavista, litoral] = integrations.map((i) => i.id) as [number, number, number, number];
  if (opts.tested) {
    await host.call('integration_test', { id: atlantica, input: null });
    await host.call('integration_test', { id: litoral, input: null });
  }
  integrations[3] = await host.call<Integration>('integration_set_enabled', { id: litoral, enabled: false });
  if (opts.wooba !== false) {
    await setWoobaVendor(host);
    if (opts.tested) {
      const failed = await host.call('integration_test', { id: rotaSul, input: null }).then(
        () => null,
        (e: { code?: string }) => e.code,
      );
      if (failed !== 'invalid_credentials') throw new Error(`seed: Rota Sul's test should fail with invalid_credentials, got ${failed}`);
    }
  }
  return { people, integrations, atlantica, rotaSul, bellavista, litoral };
}

/** A day `days` days from today on this machine (the browser's clock and zone; negative: before), `YYYY-MM-DD`. */
export function isoDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
