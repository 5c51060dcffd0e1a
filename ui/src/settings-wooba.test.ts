import { describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import { woobaErrors } from './settings-wooba';

const reply = (r: Partial<ErrorReply>): ErrorReply => ({ code: 'invalid_input', key: 'error.invalid_input', field: null, fields: [], params: {}, ...r });

describe('Wooba settings errors', () => {
  test('issues of the two fields go next to them, others on top, without the general line', () => {
    const e = woobaErrors(
      reply({
        fields: [
          { field: 'public_key_pem', key: 'error.settings.pem', params: {} },
          { field: 'other', key: 'x', params: { n: '1' } },
        ],
      }),
    );
    expect(e.fields).toEqual({ public_key_pem: [{ key: 'error.settings.pem', params: {} }] });
    expect(e.summary).toEqual([{ key: 'x', params: { n: '1' } }]);
  });

  test('a refusal without issues is shown on top, even when it names a field', () => {
    const e = woobaErrors(reply({ code: 'keyring', key: 'error.keyring.unavailable', field: 'developer_token' }));
    expect(e.fields).toEqual({});
    expect(e.summary).toEqual([{ key: 'error.keyring.unavailable', params: {} }]);
  });
});
