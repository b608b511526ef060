import { afterEach, describe, expect, it } from 'vitest';
import { IMPERSONATE_HEADER, setSharedView, sharedViewHeader } from './sharedView.ts';

describe('the shared view’s impersonation header', () => {
  afterEach(() => setSharedView(null));

  it('is absent while viewing one’s own data', () => {
    expect(sharedViewHeader('GET', '/enedis/consumption/daily/12345678901234')).toEqual({});
  });

  it('goes only on the reads the server accepts it on', () => {
    setSharedView({ ownerId: 'owner-1', ownerEmail: 'owner@example.org' });
    const sent = { [IMPERSONATE_HEADER]: 'owner-1' };
    for (const path of ['/pdl', '/pdl/abc', '/costs/12345678901234', '/enedis/consumption/daily/12345678901234']) {
      expect(sharedViewHeader('GET', path), path).toEqual(sent);
    }
    // Writes, the account and admin calls stay the administrator's own (the server would refuse the header).
    expect(sharedViewHeader('POST', '/pdl')).toEqual({});
    expect(sharedViewHeader('PATCH', '/pdl/abc')).toEqual({});
    for (const path of ['/accounts/me', '/admin/shared-pdls', '/pdl/abc/fetch-contract', '/consents']) {
      expect(sharedViewHeader('GET', path), path).toEqual({});
    }
  });
});
