/**
 * Pins every role's left menu (key, label, path, icon, order) and the route guard built on it: the menu is assembled
 * from one item list and per-role key lists, and a refactor must not move, drop or relabel an item.
 */
import { ROLES } from '@livehub/contracts';
import type { ComponentType } from 'react';
import { describe, expect, it } from 'vitest';
import { activeNavKey, canAccessPath, navForRole } from './nav.ts';
import menus from './nav.menus.json';

/** Each role's menu as it stood before the menu became one item list: `key label path-or-comingSoon icon`. */
const MENUS: Record<string, string[]> = menus;

function iconName(icon: ComponentType): string {
  return (icon as { displayName?: string }).displayName ?? '?';
}

describe('the role menus', () => {
  it('covers every role', () => {
    expect(Object.keys(MENUS).sort()).toEqual([...ROLES].sort());
  });

  for (const role of ROLES) {
    it(`${role} sees its items in order, with their labels, paths and icons`, () => {
      const menu = navForRole(role).map((item) =>
        [item.key, item.label, item.path ?? (item.comingSoon ? 'comingSoon' : '-'), iconName(item.icon)].join(' '),
      );
      expect(menu).toEqual(MENUS[role]);
    });
  }

  it('guards paths by the menu and the common paths', () => {
    expect(canAccessPath('consumer', '/users')).toBe(false);
    expect(canAccessPath('consumer', '/apply/base')).toBe(true);
    expect(canAccessPath('platform_admin', '/users/123')).toBe(true);
    expect(canAccessPath('regulator', '/cases')).toBe(false);
    expect(canAccessPath('merchant_staff', '/merchant/returns')).toBe(true);
    expect(canAccessPath('regulator', '/credit/supervision')).toBe(true);
    expect(canAccessPath('consumer', '/credit')).toBe(false);
    expect(canAccessPath('consumer', '/credit/public')).toBe(true);
  });

  it('selects the longest matching item', () => {
    expect(activeNavKey('streamer', '/live/square')).toBe('live-square');
    expect(activeNavKey('streamer', '/live/abc')).toBe('live');
    expect(activeNavKey('merchant_staff', '/merchant/orders/1')).toBe('merchant-orders');
    expect(activeNavKey('merchant_staff', '/merchant')).toBe('workbench');
    expect(activeNavKey('consumer', '/nowhere')).toBeUndefined();
  });
});
