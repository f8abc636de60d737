import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveFixtures } from '../../sandbox/godomall/save-fixtures';
import { fixture } from './parsers';

describe('saved admin pages', () => {
  it('are what the simulator serves today (regenerate with tests/sandbox/godomall/save-fixtures.ts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'godomall-fixtures-'));
    try {
      const names = await saveFixtures(dir);
      expect(names.length).toBe((await readdir(dir)).length);
      for (const name of names) expect(await readFile(join(dir, name), 'utf8'), name).toBe(fixture(name));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
