/**
 * The relay's version, sent upstream as `User-Agent: feedcal-relay/<version>`. A constant rather
 * than a read of package.json, so the relay stays one self-contained module on every Fetch-API
 * host; test/relay/relay.test.ts checks that it matches package.json.
 */
export const RELAY_VERSION = '0.1.0';
