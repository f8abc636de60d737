// Settings as storage holds them, through the migration path: old, corrupted and newer stores.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, keptSettings, migrateSettings, saveSettings, SETTINGS_VERSION } from '../../lib/settings';

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

describe("the worker's kept settings", () => {
  it('are read from storage once, follow their own saves and any change made elsewhere, and hand out copies', async () => {
    fakeBrowser.reset();
    await saveSettings({ concurrency: 3 });
    const kept = keptSettings();
    const reads = vi.spyOn(fakeBrowser.storage.local, 'get');
    const first = await kept.load();
    expect(first.concurrency).toBe(3);
    first.concurrency = 99; // a caller's change stays its own
    expect((await kept.load()).concurrency).toBe(3);
    expect(reads).toHaveBeenCalledTimes(1);

    expect((await kept.save({ concurrency: 5 })).concurrency).toBe(5);
    expect((await kept.load()).concurrency).toBe(5);
    // another context writes storage (an older build's page, a test): the copy is dropped and read again
    await saveSettings({ concurrency: 7 });
    await vi.waitFor(async () => expect((await kept.load()).concurrency).toBe(7));
    reads.mockRestore();
  });
});
