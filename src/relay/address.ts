/**
 * The address rules of the relay's SSRF check: which IP addresses a feed request may go to.
 * Pure functions over strings, with no `node:` import, so the relay runs on any Fetch-API host.
 *
 * Refused: loopback, private, shared (CGNAT), link-local (the cloud metadata endpoints
 * 169.254.169.254 and fd00:ec2::254 among them), unspecified, multicast, reserved, documentation
 * and benchmark ranges. IPv6 addresses that carry an IPv4 address (IPv4-mapped `::ffff:a.b.c.d`,
 * IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged by that
 * IPv4 address.
 */

/** An IPv4 address as four numbers, or undefined when `text` is not a dotted-decimal address. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((part) => (/^\d{1,3}$/.test(part) ? Number(part) : NaN));
  return bytes.every((byte) => byte >= 0 && byte <= 255) ? bytes : undefined;
}

/**
 * An IPv6 address as eight 16-bit numbers, or undefined when `text` is not one. Accepts `::`
 * compression, a trailing dotted IPv4 part, surrounding brackets (as in a URL's host) and a zone
 * (`fe80::1%eth0`, dropped).
 */
export function parseIPv6(text: string): number[] | undefined {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  s = s.replace(/%.*$/, '');
  if (!s.includes(':')) return undefined;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // A trailing dotted IPv4 part ("::ffff:127.0.0.1") becomes its two hex groups ("::ffff:7f00:1").
    const v4 = parseIPv4(last);
    if (!v4) return undefined;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (part: string) => (part === '' ? [] : part.split(':'));
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1 && known !== 8) return undefined;
  if (halves.length === 2 && known > 7) return undefined;
  const zeros = new Array(8 - known).fill(0);
  return [...head.map((g) => parseInt(g, 16)), ...(halves.length === 2 ? zeros : []), ...rest.map((g) => parseInt(g, 16))];
}

/** True for a host that is an IP address literal (IPv4 dotted, or IPv6 with or without brackets). */
export function isIPLiteral(host: string): boolean {
  return parseIPv4(host) !== undefined || parseIPv6(host) !== undefined;
}

const V4_BLOCKS: Array<[number[], number, string]> = [
  [[0, 0, 0, 0], 8, 'unspecified ("this network")'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared (CGNAT)'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local (cloud metadata)'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved (IETF)'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 88, 99, 0], 24, 'reserved (6to4 relay)'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmarking'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved (including broadcast)'],
];

const inV4Block = (bytes: number[], base: number[], bits: number) => {
  const value = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const start = ((base[0] << 24) | (base[1] << 16) | (base[2] << 8) | base[3]) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (value & mask) >>> 0 === (start & mask) >>> 0;
};

function v4Problem(bytes: number[]): string | undefined {
  for (const [base, bits, label] of V4_BLOCKS) if (inV4Block(bytes, base, bits)) return label;
  return undefined;
}

const embeddedV4 = (g: number[]) => [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff];

function v6Problem(g: number[]): string | undefined {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): the IPv4 rules.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return v4Problem(embeddedV4(g)) ?? (g[5] === 0 ? 'reserved (IPv4-compatible)' : undefined);
  // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) reaches the IPv4 address it carries.
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] === 1 ? 'reserved (local NAT64)' : v4Problem(embeddedV4(g));
  // 6to4 (2002:AABB:CCDD::/48) routes to the IPv4 address in its second and third groups.
  if (g[0] === 0x2002) return v4Problem([g[1] >> 8, g[1] & 0xff, g[2] >> 8, g[2] & 0xff]);
  if ((g[0] & 0xfe00) === 0xfc00) return g[0] === 0xfd00 && g[1] === 0xec2 ? 'link-local (cloud metadata)' : 'private (unique local)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private (site-local)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved (discard)';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation';
  return undefined;
}

/**
 * Why `address` must not be fetched from ('loopback', 'private', 'link-local (cloud metadata)', …),
 * or undefined when it is an ordinary public address. Anything that does not parse as an IP
 * address is refused too ('not an IP address'): the check fails closed.
 */
export function forbiddenAddress(address: string): string | undefined {
  const v4 = parseIPv4(address);
  if (v4) return v4Problem(v4);
  const v6 = parseIPv6(address);
  if (v6) return v6Problem(v6);
  return 'not an IP address';
}
