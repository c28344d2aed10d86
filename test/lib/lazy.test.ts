/**
 * lazy(), the one on-demand import helper: one request shared by every caller, a failure that is
 * not remembered for ever, and `failed` telling callers to degrade meanwhile. Real imports of a
 * module that fails and then loads are tested in the browser by test/network/missing-chunk/.
 */
import {expect} from '@open-wc/testing';
import {lazy} from '../../src/lib/lazy.js';

/** An import whose outcome the test decides, counting the attempts. */
function fakeImport() {
  const attempts: Array<{resolve: (value: {name: string}) => void; reject: (error: Error) => void}> = [];
  const load = () => new Promise<{name: string}>((resolve, reject) => attempts.push({resolve, reject}));
  return {load, attempts};
}

describe('lazy', () => {
  it('asks once for every caller, and keeps the module', async () => {
    const {load, attempts} = fakeImport();
    const module = lazy(load);
    expect(module.module).to.equal(undefined);
    const first = module.load();
    const second = module.load();
    expect(attempts).to.have.length(1);
    attempts[0].resolve({name: 'grid'});
    expect(await first).to.deep.equal({name: 'grid'});
    expect(await second).to.equal(await first);
    expect(module.module).to.equal(await first);
    expect(module.failed).to.equal(false);
    await module.load();
    expect(attempts).to.have.length(1);
  });

  it('after a failure, says so and asks again at the next load', async () => {
    const {load, attempts} = fakeImport();
    const module = lazy(load);
    const failing = module.load();
    attempts[0].reject(new TypeError('Failed to fetch dynamically imported module'));
    const error = await failing.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
    expect(module.failed).to.equal(true);
    expect(module.module).to.equal(undefined);

    const retry = module.load();
    expect(attempts).to.have.length(2);
    // Still failed while the retry is under way: callers keep their fallback until it succeeds.
    expect(module.failed).to.equal(true);
    attempts[1].resolve({name: 'grid'});
    expect(await retry).to.deep.equal({name: 'grid'});
    expect(module.failed).to.equal(false);
    expect(module.module).to.deep.equal({name: 'grid'});
  });

  it('callers during a failing attempt share its failure', async () => {
    const {load, attempts} = fakeImport();
    const module = lazy(load);
    const both = Promise.allSettled([module.load(), module.load()]);
    attempts[0].reject(new Error('offline'));
    expect((await both).map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
    expect(attempts).to.have.length(1);
  });
});
