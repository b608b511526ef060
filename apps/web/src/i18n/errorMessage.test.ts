import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { en } from './en.ts';
import { errorMessage } from './errorMessage.ts';
import { fr } from './fr.ts';

const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: 'fr',
    interpolation: { escapeValue: false },
  });
});

describe('errorMessage', () => {
  it('translates a known code, not the server text', () => {
    const error = new ApiError({ status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' });
    expect(errorMessage(i18n.getFixedT('fr'), error)).toBe(fr.errors.INVALID_CREDENTIALS);
    expect(errorMessage(i18n.getFixedT('en'), error)).toBe(en.errors.INVALID_CREDENTIALS);
  });

  it('falls back to a generic sentence for unknown codes and foreign errors', () => {
    expect(errorMessage(i18n.getFixedT('fr'), new ApiError({ status: 400, code: 'SOMETHING_NEW', message: 'x' }))).toBe(
      fr.errors.generic,
    );
    expect(errorMessage(i18n.getFixedT('fr'), new Error('boom'))).toBe(fr.errors.generic);
    expect(errorMessage(i18n.getFixedT('fr'), new ApiError({ status: 400, code: 'generic', message: 'x' }))).toBe(
      fr.errors.generic,
    );
  });

  it('tells how long to wait after a 429', () => {
    const seconds = new ApiError({ status: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', retryAfterSeconds: 45 });
    expect(errorMessage(i18n.getFixedT('fr'), seconds)).toBe('Trop de tentatives. Réessayez dans 45 s.');
    const minutes = new ApiError({ status: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', retryAfterSeconds: 61 });
    expect(errorMessage(i18n.getFixedT('en'), minutes)).toBe('Too many attempts. Try again in 2 min.');
  });
});
