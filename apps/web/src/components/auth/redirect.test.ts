import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_LOGIN, isServerPath, loginPathFor, safeRedirectPath } from './redirect.ts';

describe('safeRedirectPath', () => {
  it('keeps paths of the app, with their query', () => {
    expect(safeRedirectPath('/settings')).toBe('/settings');
    expect(safeRedirectPath('/dashboard?tab=2')).toBe('/dashboard?tab=2');
  });

  it('refuses anything that could leave the site', () => {
    for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '']) {
      expect(safeRedirectPath(target)).toBe(DEFAULT_AFTER_LOGIN);
    }
    expect(safeRedirectPath(null)).toBe(DEFAULT_AFTER_LOGIN);
  });

  it('never sends back to the login page itself', () => {
    expect(safeRedirectPath('/login?redirect=%2Fsettings')).toBe(DEFAULT_AFTER_LOGIN);
  });

  it('round-trips through the login URL', () => {
    const url = new URL(loginPathFor('/settings?x=1&y=2'), 'http://localhost');
    expect(url.pathname).toBe('/login');
    expect(safeRedirectPath(url.searchParams.get('redirect'))).toBe('/settings?x=1&y=2');
  });
});

describe('isServerPath', () => {
  it('tells the consent callback (served by the server) from app pages', () => {
    const callback = safeRedirectPath('/api/oauth/callback?code=x&state=y&usage_point_id=12345678901234');
    expect(isServerPath(callback)).toBe(true);
    expect(isServerPath('/dashboard')).toBe(false);
    expect(isServerPath('/apidocs')).toBe(false);
  });
});
