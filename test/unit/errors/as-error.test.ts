import { asError } from '../../../src/errors/as-error';

describe('asError', () => {
  it('keeps an Error, subclasses included, as the same object', () => {
    const error = new RangeError('out of range');
    expect(asError(error)).toBe(error);
  });

  it('wraps anything else in an Error whose message is its text', () => {
    expect(asError('vendor down')).toEqual(new Error('vendor down'));
    expect(asError(42).message).toBe('42');
    expect(asError(undefined).message).toBe('undefined');
    expect(asError({ code: 'X' })).toBeInstanceOf(Error);
  });
});
