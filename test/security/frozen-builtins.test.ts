/**
 * A page that froze its built-ins before feedcal loaded, as SES's lockdown() does (Agoric,
 * MetaMask Snaps, some wallets' pages). Such a page cannot take a new property on Symbol, Object
 * or Array, nor an assignment that shadows a frozen prototype's property: feedcal must still
 * show the events. The page runs in an iframe (test/security/hostile-pages/frozen.html), so the
 * freeze comes before every module, Lit's included, and the test runner's page is untouched.
 */
import {expect} from '@open-wc/testing';
import type {FrozenReport} from './hostile-pages/frozen-page.js';

describe('frozen built-ins (a SES-style lockdown)', function () {
  this.timeout(20000);

  it('the list still shows its events', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'inline-size: 800px; block-size: 600px';
    const message = new Promise<{report?: FrozenReport; error?: string}>((resolve) => {
      window.addEventListener('message', function onMessage(event) {
        if (event.source === frame.contentWindow && event.data?.type === 'frozen-report') {
          window.removeEventListener('message', onMessage);
          resolve(event.data);
        }
      });
    });
    frame.src = new URL('./hostile-pages/frozen.html', import.meta.url).href;
    document.body.append(frame);
    const {report, error} = await message;
    frame.remove();
    expect(error).to.equal(undefined);
    console.log(`feedcal frozen: ${report!.frozenIntrinsics} intrinsics frozen; ${report!.cards} cards; errors: ${report!.errors.join(' | ') || 'none'}`);
    expect(report!.frozen, 'the page really is locked down').to.equal(true);
    expect(report!.errors).to.deep.equal([]);
    expect(report!.defined).to.equal(true);
    expect(report!.cards).to.be.at.least(3);
    expect(report!.titles.every(Boolean), 'each card has its title').to.equal(true);
    // A broken item is skipped (SkipItem), not fatal; a missing feed fails with its own words (FeedError).
    expect(report!.warnings.join('\n')).to.contain('skipped 1 item(s)');
    expect(report!.month.search, 'the filter bar, loaded on demand').to.equal(true);
    expect(report!.month.days, 'events in the month grid').to.be.at.least(1);
    expect(report!.missing.code).to.equal('not-found');
    expect(report!.missing.text).to.contain('can’t be shown');
  });
});
