// Real-core setup for the Integrações, Token API and Promemoria browser tests: the agency of the list tests
// (seed.ts), PayTourist Booking users and tokens the simulator accepts, and the simulator's own controls.
import type { ApiToken } from '../src/bindings/ApiToken';
import type { BookingUser } from '../src/bindings/BookingUser';
import type { TokenSaved } from '../src/bindings/TokenSaved';
import { addMonths } from '../src/tokens-model';
import type { Host } from './harness';
import type { Agency } from './seed';
import { isoDay, seedAgency } from './seed';

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

/**
 * The agency of the list tests (seed.ts's seedAgency): Rota Sul with an old password, and Atlântica,
 * Litoral (then disabled) and Rota Sul tested: OK, OK, invalid_credentials.
 */
export const LIST_AGENCY = { rotaSulPassword: 'old', tested: true } as const;

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
  const agency = await seedAgency(host, LIST_AGENCY);
  const user = await host.call<BookingUser>('booking_user_create', {
    input: { integration_id: agency.bellavista, name: 'Bellavista Booking', email: 'booking@bellavista.example.it', software: 'Ericsoft' },
  });
  const add = async (name: string, token: string, expires: string) => {
    await simAcceptToken(host, token);
    const dates = { created_on: addMonths(expires, -36), expires_on: expires };
    return (await host.call<TokenSaved>('token_add', { bookingUserId: user.id, name, token, dates, replaces: null })).token;
  };
  const ericsoft: ApiToken = await add('Ericsoft 2023', ERICSOFT_2023, isoDay(18));
  const channel: ApiToken = await add('Channel manager', CHANNEL_MANAGER, isoDay(600));
  if (!ericsoft.active || channel.active) throw new Error('seed: Ericsoft 2023 should be the token in use');
  await host.call('secret_expiry_set', { integrationId: agency.rotaSul, field: 'password', expiresOn: isoDay(45) });
  return { ...agency, user: user.id, ericsoft: ericsoft.id, channel: channel.id };
}
