/**
 * The list's interface language (controllers/ui-language.ts): strings other than English are
 * loaded on demand, an unknown language falls back to English, and a right-to-left language
 * lays the list out right to left. The strings themselves are tested in test/lib/i18n.test.ts.
 */
import {expect, html, waitUntil} from '@open-wc/testing';
import '../../src/index.js';
import {renderList} from '../helpers/december.js';
import {part, shadowQuery} from '../helpers/page.js';

describe('languages and direction', () => {
  it('loads German strings on demand; an unknown language falls back to English', async () => {
    const de = await renderList(html`<event-list when="all" lang="de-AT" controls="search"></event-list>`);
    await waitUntil(() => Boolean(shadowQuery(de, '.count')?.textContent?.includes('Veranstaltung')), 'German loaded');
    const xx = await renderList(html`<event-list when="all" lang="xx" controls="search"></event-list>`);
    expect(shadowQuery(xx, '.count')!.textContent).to.equal('5 events');
  });

  it('lays out right to left for Arabic', async () => {
    const el = await renderList(html`<event-list when="all" lang="ar" controls="search"></event-list>`);
    expect(shadowQuery(el, 'div[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(part(el, 'toolbar')!).direction).to.equal('rtl');
  });
});
