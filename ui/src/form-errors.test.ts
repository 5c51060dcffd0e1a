import { describe, expect, test } from 'vitest';
import type { ErrorReply } from './bindings/ErrorReply';
import { firstInvalid, hasErrors, NO_ERRORS, splitErrors, withFieldErrors } from './form-errors';

const reply = (r: Partial<ErrorReply>): ErrorReply => ({ code: 'invalid_input', key: 'error.invalid_input', field: null, fields: [], params: {}, ...r });

describe('form errors', () => {
  test('field issues go next to shown fields, others to the summary, with the input error on top', () => {
    const e = splitErrors(
      reply({ fields: [{ field: 'document', key: 'error.cpf.check_digit', params: {} }, { field: 'hidden', key: 'x', params: {} }] }),
      ['name', 'document'] as const,
    );
    expect(e.fields.document).toEqual([{ key: 'error.cpf.check_digit', params: {} }]);
    expect(e.summary.map((m) => m.key)).toEqual(['error.invalid_input', 'x']);
    expect(firstInvalid(e, ['name', 'document'] as const)).toBe('document');
    expect(hasErrors(e)).toBe(true);
  });

  test('an error without issues that names a shown field goes next to it; otherwise on top', () => {
    const r = reply({ code: 'token_rejected', key: 'error.token.rejected', field: 'token' });
    expect(splitErrors(r, ['token']).fields.token?.[0]?.key).toBe('error.token.rejected');
    expect(splitErrors(r, ['name']).summary[0]?.key).toBe('error.token.rejected');
  });

  test('editing a field clears only its messages', () => {
    const e = splitErrors(reply({ fields: [{ field: 'name', key: 'error.field.required', params: {} }] }), ['name']);
    const cleared = withFieldErrors(e, 'name', []);
    expect(cleared.fields.name).toBeUndefined();
    expect(cleared.summary).toEqual(e.summary);
    expect(withFieldErrors(NO_ERRORS as typeof e, 'name', [])).toBe(NO_ERRORS);
    expect(hasErrors(NO_ERRORS)).toBe(false);
  });
});
