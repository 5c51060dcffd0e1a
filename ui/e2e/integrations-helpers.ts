// Real-core setup for the Integrações, Token API and Promemoria browser tests: an agency's people and
// integrations created through the real commands (pointing at this host's supplier simulator), PayTourist
// Booking users and tokens the simulator accepts, and a log of the page's own traffic with the backend.
import type { Page } from 'playwright-core';
import type { ApiToken } from '../src/bindings/ApiToken';
import type { BookingUser } from '../src/bindings/BookingUser';
import type { IntegrationInput } from '../src/bindings/IntegrationInput';
import type { Person } from '../src/bindings/Person';
import type { PersonInput } from '../src/bindings/PersonInput';
import type { SaveOutcome } from '../src/bindings/SaveOutcome';
import type { TokenSaved } from '../src/bindings/TokenSaved';
import { addMonths, isoDay } from '../src/tokens-model';
import type { Host } from './harness';

/** The simulator's `ClientInfo` as ponte-sim really sends it (harness.ts's `SimInfo.paytourist` is out of date). */
export interface RealSim {
  base_url: string;
  infotravel: { url: string; prefixed_urls: string[]; client: string; agency: string; username: string; password: string; token_ttl_secs: number };
  wooba: { url: string; identifier: string; password: string; developer_token: string; public_key_pem: string };
  paytourist: {
    url: string;
    valid_tokens: string[];
    expired_tokens: string[];
    revoked_tokens: string[];
    structures: { id: number; name: string }[];
    software_id: number;
  };
}
export const simOf = (host: Host): RealSim => host.sim as unknown as RealSim;

async function simPost(host: Host, path: string, body: unknown): Promise<void> {
  const r = await fetch(`${host.sim.base_url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`sim ${path}: HTTP ${r.status} ${await r.text()}`);
}
/** PayTourist now knows (accepts) this token (`POST /__sim/paytourist/tokens`). */
export const simAcceptToken = (host: Host, token: string) => {
  host.useSecret(token);
  return simPost(host, '/__sim/paytourist/tokens', { token, expires_at: null, revoked: false });
};
/** PayTourist revokes this token (`POST /__sim/paytourist/revoke`): it gets a 401 from now on. */
export const simRevokeToken = (host: Host, token: string) => simPost(host, '/__sim/paytourist/revoke', { token });

/** How many requests the simulated supplier received so far (`GET /__sim/requests`). */
export async function simRequestCount(host: Host, supplier: 'infotravel' | 'wooba' | 'paytourist'): Promise<number> {
  const r = await fetch(`${host.sim.base_url}/__sim/requests`);
  if (!r.ok) throw new Error(`sim requests: HTTP ${r.status}`);
  return ((await r.json()) as { supplier: string | null }[]).filter((x) => x.supplier === supplier).length;
}

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

export const ATLANTICA = 'Atlântica Operadora (Infotravel)';
export const ROTA_SUL = 'Rota Sul (Wooba)';
export const BELLAVISTA = 'Hotel Bellavista (PayTourist Firenze)';
export const LITORAL = 'Litoral Receptivo (Infotravel)';
/** A password the simulated Wooba refuses. */
export const ROTA_SUL_OLD_PASSWORD = 'senha-antiga';

export interface Agency {
  people: Record<string, number>;
  atlantica: number;
  rotaSul: number;
  bellavista: number;
  litoral: number;
}

/**
 * The agency of the list tests, through the real commands: 8 people; Atlântica (Infotravel, right
 * credentials, tested OK), Rota Sul (Wooba, an old password: its test fails with invalid_credentials),
 * Hotel Bellavista (PayTourist, never tested), Litoral Receptivo (Infotravel, tested OK, then disabled).
 * Every integration points at this host's simulator. `wooba: false` leaves Ponte's own Wooba developer
 * settings unset (Rota Sul is then not tested either).
 */
export async function seedAgency(host: Host, opts: { wooba?: boolean } = {}): Promise<Agency> {
  const sim = simOf(host);
  host.useSecret(ROTA_SUL_OLD_PASSWORD);
  const people: Record<string, number> = {};
  for (const input of PEOPLE) people[input.name] = (await host.call<Person>('person_create', { input })).id;
  const create = async (input: IntegrationInput) => (await host.call<SaveOutcome>('integration_create', { input })).integration.id;
  const infotravel = (description: string, person: string): IntegrationInput => ({
    type: 'infotravel',
    description,
    person_id: people[person]!,
    values: { url: sim.infotravel.url, supplier_id: sim.infotravel.client, agency_code: sim.infotravel.agency, username: sim.infotravel.username },
    secrets: { password: sim.infotravel.password },
  });
  const atlantica = await create(infotravel(ATLANTICA, 'Atlântica Operadora de Viagens Ltda'));
  const rotaSul = await create({
    type: 'wooba',
    description: ROTA_SUL,
    person_id: people['Rota Sul Turismo S.A.']!,
    values: { url: sim.wooba.url, username: sim.wooba.identifier },
    secrets: { password: ROTA_SUL_OLD_PASSWORD },
  });
  const bellavista = await create({
    type: 'paytourist',
    description: BELLAVISTA,
    person_id: people['Hotel Bellavista Firenze S.r.l.']!,
    values: { comune: 'firenze', structure_id: String(sim.paytourist.structures[0]!.id), software_id: String(sim.paytourist.software_id), api_url: sim.paytourist.url },
    secrets: {},
  });
  const litoral = await create(infotravel(LITORAL, 'Litoral Receptivo Ltda'));

  await host.call('integration_test', { id: atlantica, input: null });
  await host.call('integration_test', { id: litoral, input: null });
  await host.call('integration_set_enabled', { id: litoral, enabled: false });
  if (opts.wooba !== false) {
    await host.call('wooba_settings_set', { input: { developer_token: sim.wooba.developer_token, public_key_pem: sim.wooba.public_key_pem } });
    const failed = await host.call('integration_test', { id: rotaSul, input: null }).then(
      () => null,
      (e: { code?: string }) => e.code,
    );
    if (failed !== 'invalid_credentials') throw new Error(`seed: Rota Sul's test should fail with invalid_credentials, got ${failed}`);
  }
  return { people, atlantica, rotaSul, bellavista, litoral };
}

/** Today (the machine's local day, as the core and the page count it) shifted by `days`. */
export const shiftDay = (days: number): string => isoDay(new Date(Date.now() + days * 86_400_000));

export const ERICSOFT_2023 = 'pt_demo_9f3c1a7e5b2d48c6a0e1f4b7c3d9e2a5k7Q2';
export const CHANNEL_MANAGER = 'pt_demo_4e8b2c6a1d9f37e5b0c2a8d6f1e4b9c3m4T8';

export interface TokensSeed extends Agency {
  user: number;
  ericsoft: number;
  channel: number;
}

/**
 * The agency plus PayTourist's side: the Booking user "Bellavista Booking" (Ericsoft) with two tokens the
 * simulated PayTourist accepts, added through the real `token_add` (verified live): "Ericsoft 2023", in
 * use, expiring in 18 days, and "Channel manager", expiring in 600 days; and Rota Sul's Wooba password
 * expiring in 45 days.
 */
export async function seedTokens(host: Host): Promise<TokensSeed> {
  const agency = await seedAgency(host);
  const user = await host.call<BookingUser>('booking_user_create', {
    input: { integration_id: agency.bellavista, name: 'Bellavista Booking', email: 'booking@bellavista.example.it', software: 'Ericsoft' },
  });
  const add = async (name: string, token: string, expires: string) => {
    await simAcceptToken(host, token);
    const dates = { created_on: addMonths(expires, -36), expires_on: expires };
    return (await host.call<TokenSaved>('token_add', { bookingUserId: user.id, name, token, dates, replaces: null })).token;
  };
  const ericsoft: ApiToken = await add('Ericsoft 2023', ERICSOFT_2023, shiftDay(18));
  const channel: ApiToken = await add('Channel manager', CHANNEL_MANAGER, shiftDay(600));
  if (!ericsoft.active || channel.active) throw new Error('seed: Ericsoft 2023 should be the token in use');
  await host.call('secret_expiry_set', { integrationId: agency.rotaSul, field: 'password', expiresOn: shiftDay(45) });
  return { ...agency, user: user.id, ericsoft: ericsoft.id, channel: channel.id };
}

/**
 * Every exchange of the page with the backend (`/api/…`) from now on: what it sent and what came back.
 * Chromium keeps no copy of a body the page reads as a stream (the transport does, for progress events),
 * so `response.text()` has nothing to give: each call goes through `page.route`, which fetches the reply,
 * keeps its text and hands it to the page unchanged (whole, not streamed: fine for screens without progress).
 */
export async function watchApi(page: Page) {
  const requests: { cmd: string; args: Record<string, unknown> }[] = [];
  const bodies: { cmd: string; body: string }[] = [];
  const held = new Map<string, Promise<void>>();
  const cmdOf = (url: string) => new URL(url).pathname.slice('/api/'.length);
  await page.route(
    (url) => url.pathname.startsWith('/api/'),
    async (route) => {
      const request = route.request();
      requests.push({ cmd: cmdOf(request.url()), args: (request.postDataJSON() ?? {}) as Record<string, unknown> });
      let body: string;
      try {
        const response = await route.fetch();
        body = await response.text();
        const hold = held.get(cmdOf(request.url()));
        if (hold) {
          held.delete(cmdOf(request.url()));
          await hold;
        }
        await route.fulfill({ response, body });
      } catch {
        return; // the page (or its host) closed meanwhile: nothing reached it
      }
      bodies.push({ cmd: cmdOf(request.url()), body });
    },
  );
  return {
    /** The commands the page called, in order, with their arguments. */
    requests,
    /** Every reply body handed to the page so far, each prefixed by its command. */
    replies: () => bodies.map((b) => `${b.cmd} ${b.body}`).join('\n'),
    /**
     * Holds the core's reply to the next `cmd` back from the page until `release()` (to look at the page
     * while it waits, however fast the core is).
     */
    hold: (cmd: string) => {
      let release = () => {};
      held.set(cmd, new Promise<void>((ok) => (release = ok)));
      return () => release();
    },
    /** The replies to `cmd` handed to the page so far. */
    repliesTo: (cmd: string) => bodies.filter((b) => b.cmd === cmd).map((b) => b.body),
  };
}
