/// <reference types="node" />
/**
 * The share menus' strings (src/lib/locales/en-share.ts, share/<language>.ts): each language's
 * table has exactly English's keys, each of the same kind, so a language never shows a key name
 * and a missing string reads English (share-actions.ts completes a table key by key).
 */
import assert from 'node:assert/strict';
import {readdir} from 'node:fs/promises';
import {describe, it} from 'node:test';
import {enShare} from '../../src/lib/locales/en-share.js';

describe('share strings', async () => {
  const files = (await readdir(new URL('../../src/lib/locales/share/', import.meta.url))).filter((file) => file.endsWith('.ts'));
  it('has at least one language beside English', () => assert.ok(files.length >= 1));
  for (const file of files) {
    it(`${file}: English's keys, each of the same kind`, async () => {
      const language = file.replace(/\.ts$/, '');
      const module = (await import(`../../src/lib/locales/share/${file}`)) as Record<string, Record<string, unknown>>;
      const table = module[language.replace('-', '')];
      assert.deepEqual(Object.keys(table).sort(), Object.keys(enShare).sort());
      for (const [key, value] of Object.entries(enShare)) assert.equal(typeof table[key], typeof value, key);
    });
  }
});
