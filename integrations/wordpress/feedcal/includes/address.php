<?php
/**
 * The relay's SSRF rule, the same as the Node relay's (src/relay/address.ts): which IP
 * addresses a feed request may go to. Refused: loopback, private, shared (CGNAT), link-local
 * (the cloud metadata endpoints among them), unspecified, multicast, reserved, documentation and
 * benchmark ranges. IPv6 addresses that carry an IPv4 address (::ffff:a.b.c.d, ::a.b.c.d,
 * 64:ff9b::/96, 2002::/16) are judged by that IPv4 address.
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/**
 * Why $address must not be fetched from ('loopback', 'private', …), or '' when it is an
 * ordinary public address. Anything that is not an IP address is refused: the check fails closed.
 *
 * @param string $address An IPv4 or IPv6 address (brackets and a zone are accepted).
 * @return string
 */
function feedcal_forbidden_address( $address ) {
	$address = trim( (string) $address, '[] ' );
	$address = preg_replace( '/%.*$/', '', $address );
	$packed  = @inet_pton( $address ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a non-address is an answer here, not a warning.
	if ( false === $packed ) {
		return 'not an IP address';
	}
	$bytes = array_values( unpack( 'C*', $packed ) );
	return 4 === count( $bytes ) ? feedcal_ipv4_problem( $bytes ) : feedcal_ipv6_problem( $bytes );
}

/**
 * The problem with an IPv4 address given as four numbers, or ''.
 *
 * @param int[] $b The four bytes.
 * @return string
 */
function feedcal_ipv4_problem( $b ) {
	$blocks = array(
		array( '0.0.0.0', 8, 'unspecified ("this network")' ),
		array( '10.0.0.0', 8, 'private' ),
		array( '100.64.0.0', 10, 'shared (CGNAT)' ),
		array( '127.0.0.0', 8, 'loopback' ),
		array( '169.254.0.0', 16, 'link-local (cloud metadata)' ),
		array( '172.16.0.0', 12, 'private' ),
		array( '192.0.0.0', 24, 'reserved (IETF)' ),
		array( '192.0.2.0', 24, 'documentation' ),
		array( '192.88.99.0', 24, 'reserved (6to4 relay)' ),
		array( '192.168.0.0', 16, 'private' ),
		array( '198.18.0.0', 15, 'benchmarking' ),
		array( '198.51.100.0', 24, 'documentation' ),
		array( '203.0.113.0', 24, 'documentation' ),
		array( '224.0.0.0', 4, 'multicast' ),
		array( '240.0.0.0', 4, 'reserved (including broadcast)' ),
	);
	$value  = ( ( $b[0] << 24 ) | ( $b[1] << 16 ) | ( $b[2] << 8 ) | $b[3] ) & 0xffffffff;
	foreach ( $blocks as $block ) {
		$start = ip2long( $block[0] ) & 0xffffffff;
		$mask  = ( 0xffffffff << ( 32 - $block[1] ) ) & 0xffffffff;
		if ( ( $value & $mask ) === ( $start & $mask ) ) {
			return $block[2];
		}
	}
	return '';
}

/**
 * The problem with an IPv6 address given as sixteen bytes, or ''.
 *
 * @param int[] $bytes The sixteen bytes.
 * @return string
 */
function feedcal_ipv6_problem( $bytes ) {
	$g = array();
	for ( $i = 0; $i < 16; $i += 2 ) {
		$g[] = ( $bytes[ $i ] << 8 ) | $bytes[ $i + 1 ];
	}
	$zero_up_to = function ( $n ) use ( $g ) {
		for ( $i = 0; $i < $n; $i++ ) {
			if ( 0 !== $g[ $i ] ) {
				return false;
			}
		}
		return true;
	};
	$embedded   = array( $g[6] >> 8, $g[6] & 0xff, $g[7] >> 8, $g[7] & 0xff );
	if ( $zero_up_to( 8 ) ) {
		return 'unspecified';
	}
	if ( $zero_up_to( 7 ) && 1 === $g[7] ) {
		return 'loopback';
	}
	if ( $zero_up_to( 5 ) && ( 0xffff === $g[5] || 0 === $g[5] ) ) {
		$problem = feedcal_ipv4_problem( $embedded );
		return '' !== $problem ? $problem : ( 0 === $g[5] ? 'reserved (IPv4-compatible)' : '' );
	}
	if ( 0x64 === $g[0] && 0xff9b === $g[1] ) {
		return 1 === $g[2] ? 'reserved (local NAT64)' : feedcal_ipv4_problem( $embedded );
	}
	if ( 0x2002 === $g[0] ) {
		return feedcal_ipv4_problem( array( $g[1] >> 8, $g[1] & 0xff, $g[2] >> 8, $g[2] & 0xff ) );
	}
	if ( 0xfc00 === ( $g[0] & 0xfe00 ) ) {
		return ( 0xfd00 === $g[0] && 0xec2 === $g[1] ) ? 'link-local (cloud metadata)' : 'private (unique local)';
	}
	if ( 0xfe80 === ( $g[0] & 0xffc0 ) ) {
		return 'link-local';
	}
	if ( 0xfec0 === ( $g[0] & 0xffc0 ) ) {
		return 'private (site-local)';
	}
	if ( 0xff00 === ( $g[0] & 0xff00 ) ) {
		return 'multicast';
	}
	if ( 0x100 === $g[0] && 0 === $g[1] && 0 === $g[2] && 0 === $g[3] ) {
		return 'reserved (discard)';
	}
	if ( 0x2001 === $g[0] && 0xdb8 === $g[1] ) {
		return 'documentation';
	}
	return '';
}

/**
 * Every address $host has (A and AAAA), or the host itself when it is an address literal.
 *
 * @param string $host A host name or an IP literal (IPv6 in brackets or not).
 * @return string[] Empty when the name does not resolve.
 */
function feedcal_resolve_host( $host ) {
	$bare = trim( $host, '[]' );
	if ( false !== @inet_pton( $bare ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a host name is not an address: no warning wanted.
		return array( $bare );
	}
	$addresses = array();
	$v4        = gethostbynamel( $bare );
	if ( is_array( $v4 ) ) {
		$addresses = $v4;
	}
	$v6 = @dns_get_record( $bare, DNS_AAAA ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- no AAAA record is not an error.
	if ( is_array( $v6 ) ) {
		foreach ( $v6 as $record ) {
			if ( ! empty( $record['ipv6'] ) ) {
				$addresses[] = $record['ipv6'];
			}
		}
	}
	return array_values( array_unique( $addresses ) );
}
