import type { AdminUser } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { actionsFor, confirmKey } from './userActions.ts';

const user: AdminUser = {
  id: 'u1',
  email: 'someone@example.com',
  is_active: true,
  email_verified: true,
  debug_mode: false,
  admin_data_sharing: false,
  has_password: true,
  created_at: '2026-01-02T10:00:00Z',
  pdl_count: 1,
  role: { id: 'r', name: 'visitor', display_name: 'Visiteur' },
  usage_stats: { cached_requests: 0, no_cache_requests: 0, cached_limit: 100, no_cache_limit: 50 },
};

describe('user actions of the console', () => {
  it('offers neither deactivation nor deletion on one’s own account (the server refuses both)', () => {
    expect(actionsFor(user, 'u1').map((spec) => spec.action)).toEqual([
      'reset-password',
      'reset-quota',
      'toggle-debug',
      'clear-cache',
    ]);
    expect(actionsFor(user, 'other').map((spec) => spec.action)).toContain('delete');
  });

  it('asks before deactivating, clearing a cache or deleting — not before reactivating', () => {
    const asked = (target: AdminUser) =>
      actionsFor(target, 'admin')
        .filter((spec) => confirmKey(spec) !== null)
        .map((spec) => spec.action);
    expect(asked(user)).toEqual(['toggle-status', 'clear-cache', 'delete']);
    expect(asked({ ...user, is_active: false })).toEqual(['clear-cache', 'delete']);
  });

  it('asks each action for the permission its route requires', () => {
    const needs = Object.fromEntries(actionsFor(user, 'admin').map((spec) => [spec.action, spec.permission]));
    expect(needs).toEqual({
      'toggle-status': 'users.edit',
      'reset-password': 'users.edit',
      'reset-quota': 'users',
      'toggle-debug': 'users',
      'clear-cache': 'users',
      delete: 'users.delete',
    });
  });
});
