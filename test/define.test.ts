import {expect} from '@open-wc/testing';
import '../src/index.js';
import {defineElement, VERSION} from '../src/define.js';
import {EventListElement} from '../src/event-list.js';

describe('defineElement', () => {
  it('registers both elements once, with the package version', () => {
    expect(customElements.get('event-list')).to.equal(EventListElement);
    expect(customElements.get('event-card')).to.exist;
    expect((EventListElement as unknown as {version: string}).version).to.equal(VERSION);
  });

  it('does not throw when the script runs again (same class)', () => {
    expect(() => defineElement('event-list', EventListElement)).not.to.throw();
  });

  it('does not throw when another copy defines the tag, and warns about the other version', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const OtherCopy = class extends HTMLElement {};
      const taken = customElements.get('event-list') as unknown as {version: string};
      const real = taken.version;
      taken.version = '0.0.1';
      expect(() => defineElement('event-list', OtherCopy)).not.to.throw();
      taken.version = real;
      expect(customElements.get('event-list')).to.equal(EventListElement);
      expect(String(warnings[0]?.[0])).to.contain('already defined by version 0.0.1');
    } finally {
      console.warn = warn;
    }
  });
});
