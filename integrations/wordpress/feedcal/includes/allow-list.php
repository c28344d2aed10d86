<?php
/**
 * The relay's allow list, kept in the options `feedcal_allow` (feed addresses or prefixes, one
 * a line) and `feedcal_private_hosts` (hosts allowed to resolve to private addresses, e.g. a
 * Nextcloud on the LAN). The rules are the Node relay's (docs/relay.md): an entry is an exact
 * address, or a prefix when it ends in "/" or "*"; scheme, host and port must match exactly.
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/**
 * The allow list as stored: one entry a line.
 *
 * @return string[]
 */
function feedcal_allow_entries() {
	return feedcal_lines( get_option( 'feedcal_allow', '' ) );
}

/**
 * The host names an owner named as private (lower case).
 *
 * @return string[]
 */
function feedcal_private_hosts() {
	return array_map( 'strtolower', feedcal_lines( get_option( 'feedcal_private_hosts', '' ) ) );
}

/**
 * The non-empty, trimmed lines of a text (or the items of an array).
 *
 * @param string|string[] $text One entry a line.
 * @return string[]
 */
function feedcal_lines( $text ) {
	$lines = is_array( $text ) ? $text : preg_split( '/[\r\n]+/', (string) $text );
	return array_values( array_filter( array_map( 'trim', array_map( 'strval', $lines ) ), 'strlen' ) );
}

/**
 * Parses an address into the parts the allow list compares, or null when it is not an
 * absolute http(s) address without credentials.
 *
 * @param string $url An address.
 * @return array|null { scheme, host (with port when not the default), path (path and query) }
 */
function feedcal_url_parts( $url ) {
	$parts = wp_parse_url( (string) $url );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	if ( 'http' !== $scheme && 'https' !== $scheme ) {
		return null;
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) ) {
		return null;
	}
	$host = strtolower( $parts['host'] );
	$port = isset( $parts['port'] ) ? (int) $parts['port'] : ( 'https' === $scheme ? 443 : 80 );
	$path = isset( $parts['path'] ) && '' !== $parts['path'] ? $parts['path'] : '/';
	if ( isset( $parts['query'] ) ) {
		$path .= '?' . $parts['query'];
	}
	return array(
		'scheme'   => $scheme,
		'host'     => $host,
		'port'     => $port,
		'path'     => $path,
		'hostname' => trim( $host, '[]' ),
	);
}

/**
 * Whether an allow-list entry is well formed; '' when it is, else why not.
 *
 * @param string $entry An entry as an admin typed it.
 * @return string
 */
function feedcal_allow_entry_problem( $entry ) {
	$bare = '*' === substr( $entry, -1 ) ? substr( $entry, 0, -1 ) : $entry;
	$scheme = strtolower( (string) wp_parse_url( $bare, PHP_URL_SCHEME ) );
	if ( 'http' !== $scheme && 'https' !== $scheme ) {
		/* translators: %s: the entry. */
		return sprintf( __( '%s is not an address starting with http:// or https://.', 'feedcal' ), $entry );
	}
	if ( null === feedcal_url_parts( $bare ) ) {
		/* translators: %s: the entry. */
		return sprintf( __( '%s is not a complete address (or holds a user name or password).', 'feedcal' ), $entry );
	}
	return '';
}

/**
 * Whether $url is on the allow list (exactly, or under a prefix entry).
 *
 * @param string        $url     The feed's address (or a redirect hop's).
 * @param string[]|null $entries The list; default: the stored one.
 * @return bool
 */
function feedcal_is_allowed( $url, $entries = null ) {
	$target = feedcal_url_parts( $url );
	if ( null === $target ) {
		return false;
	}
	foreach ( null === $entries ? feedcal_allow_entries() : $entries as $entry ) {
		$star   = '*' === substr( $entry, -1 );
		$rule   = feedcal_url_parts( $star ? substr( $entry, 0, -1 ) : $entry );
		if ( null === $rule || $rule['scheme'] !== $target['scheme'] || $rule['host'] !== $target['host'] || $rule['port'] !== $target['port'] ) {
			continue;
		}
		$has_query = false !== strpos( $rule['path'], '?' );
		$prefix    = $star || ( '/' === substr( $rule['path'], -1 ) && ! $has_query );
		if ( $prefix ? 0 === strpos( $target['path'], $rule['path'] ) : $target['path'] === $rule['path'] ) {
			return true;
		}
	}
	return false;
}

/**
 * Whether the owner named $hostname as a host that may resolve to a private address.
 *
 * @param string $hostname A host name or address, without brackets.
 * @return bool
 */
function feedcal_is_named_private( $hostname ) {
	return in_array( strtolower( trim( $hostname, '[]' ) ), feedcal_private_hosts(), true );
}
