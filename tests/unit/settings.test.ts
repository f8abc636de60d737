// Settings as storage holds them, through the migration path: old, corrupted and newer stores.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_VERSION } from '../../lib/settings';

describe('settings migrations', () => {
  it('nothing stored, or not an object: the defaults at the current version', () => {
    for (const stored of [undefined, null, 'settings', 42, ['a']]) {
      const s = migrateSettings(stored);
      expect(s.version).toBe(SETTINGS_VERSION);
      expect(s.syncIntervalMinutes).toBe(DEFAULT_SETTINGS.syncIntervalMinutes);
      expect(s.connection).toEqual({ state: 'unset' });
    }
  });

  it('a store from before versions existed keeps every value it had, and new fields get their defaults', () => {
    const s = migrateSettings({ memberId: 'shop01', custNo: '0005085217', concurrency: 6, sender: { officeSer: '01', name: '햇살농장' } });
    expect(s).toMatchObject({ version: SETTINGS_VERSION, memberId: 'shop01', custNo: '0005085217', concurrency: 6 });
    expect(s.sender).toMatchObject({ officeSer: '01', name: '햇살농장', zip: '' });
    expect(s.label).toEqual(DEFAULT_SETTINGS.label);
  });

  it('values of the wrong type (a corrupted or hand-edited store) fall back to their defaults, the rest is kept', () => {
    const s = migrateSettings({
      version: 1,
      concurrency: 'fast',
      syncIntervalMinutes: Number.NaN,
      adminOrigins: 'https://x',
      connection: null,
      testMode: 'yes',
      memberId: 'kept',
    });
    expect(s.concurrency).toBe(DEFAULT_SETTINGS.concurrency);
    expect(s.syncIntervalMinutes).toBe(DEFAULT_SETTINGS.syncIntervalMinutes);
    expect(s.adminOrigins).toEqual([]);
    expect(s.connection).toEqual({ state: 'unset' });
    expect(s.testMode).toBe(false);
    expect(s.memberId).toBe('kept');
  });

  it('a store written by a newer version is read as far as it is understood', () => {
    const s = migrateSettings({ version: SETTINGS_VERSION + 3, memberId: 'shop02', somethingNew: { a: 1 } });
    expect(s.memberId).toBe('shop02');
    expect(s.version).toBe(SETTINGS_VERSION);
    expect((s as unknown as Record<string, unknown>).somethingNew).toBeUndefined();
  });
});
