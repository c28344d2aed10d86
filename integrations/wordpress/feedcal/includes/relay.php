<?php
/**
 * The same-origin relay: GET /wp-json/feedcal/v1/feed?url=<feed> (what the widget's
 * proxy="…?url={url}" template asks for) fetches a feed whose server sends no CORS headers
 * (Google Calendar, Nextcloud, a blog on another domain) and hands it to the widget from the
 * site's own domain. It follows the Node relay's rules (docs/relay.md) and answers with the
 * same headers (Age, X-Feedcal-Cache, X-Feedcal-Stale), so the widget treats both alike:
 *
 * - never an open proxy: only addresses on the allow list (settings page), http(s) only, every
 *   redirect hop (at most 5) checked again against the list and against private, loopback,
 *   link-local and metadata addresses after DNS, and the connection pinned to the checked address;
 * - a size cap (5 MB, counted while the body arrives and again after decompression) and a timeout
 *   (10 s for the whole fetch); only feed-like bodies (JSON, RSS, Atom, iCalendar, Markdown
 *   events, HTML with JSON-LD) are relayed or cached;
 * - a transient cache: one upstream request per feed per cache period (visitors arriving together
 *   wait for one request), conditional requests upstream (ETag, Last-Modified), and the last good
 *   copy (up to 7 days old) served with its age when the upstream fails;
 * - nothing of the visitor's goes upstream or into the database (no cookies, no headers, no address).
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

define( 'FEEDCAL_RELAY_ROUTE', '/feedcal/v1/feed' );

/**
 * A relay failure: the status and one-line message the visitor gets, and a short reason for
 * X-Feedcal-Stale.
 */
class Feedcal_Relay_Error extends Exception {
	/**
	 * HTTP status for the visitor.
	 *
	 * @var int
	 */
	public $status;
	/**
	 * Short: "upstream 503", "timeout", "too large", "not a feed", …
	 *
	 * @var string
	 */
	public $reason;

	/**
	 * @param int    $status  HTTP status.
	 * @param string $message One line for the visitor.
	 * @param string $reason  Short reason.
	 */
	public function __construct( $status, $message, $reason ) {
		parent::__construct( 'feedcal relay: ' . $message );
		$this->status = (int) $status;
		$this->reason = $reason;
	}
}

/**
 * The relay's limits, each with a filter (feedcal_relay_<name>) for sites that need others.
 *
 * @return array
 */
function feedcal_relay_settings() {
	$cache = max( 0, (int) apply_filters( 'feedcal_relay_cache_seconds', 600 ) );
	return array(
		'cache_seconds'   => $cache,
		'failure_seconds' => min( $cache, max( 0, (int) apply_filters( 'feedcal_relay_failure_seconds', 30 ) ) ),
		'stale_seconds'   => max( 0, (int) apply_filters( 'feedcal_relay_stale_seconds', 7 * DAY_IN_SECONDS ) ),
		'max_bytes'       => max( 1024, (int) apply_filters( 'feedcal_relay_max_bytes', 5 * 1024 * 1024 ) ),
		'timeout'         => max( 1, (int) apply_filters( 'feedcal_relay_timeout', 10 ) ),
		'max_redirects'   => max( 0, (int) apply_filters( 'feedcal_relay_max_redirects', 5 ) ),
	);
}

/**
 * The relay's address with the widget's {url} placeholder, for the proxy attribute.
 *
 * @return string
 */
function feedcal_relay_template() {
	$base = rest_url( ltrim( FEEDCAL_RELAY_ROUTE, '/' ) );
	return $base . ( false === strpos( $base, '?' ) ? '?' : '&' ) . 'url={url}';
}

/** Registers the REST route. Public: visitors' browsers ask it; it only ever relays allowed feeds. */
function feedcal_register_relay_route() {
	register_rest_route(
		'feedcal/v1',
		'/feed',
		array(
			'methods'             => 'GET',
			'callback'            => 'feedcal_relay_request',
			'permission_callback' => '__return_true',
		)
	);
}

/**
 * Answers one relay request.
 *
 * @param WP_REST_Request $request The request.
 * @return WP_REST_Response
 */
function feedcal_relay_request( $request ) {
	$raw = $request->get_param( 'url' );
	if ( ! is_string( $raw ) || '' === $raw ) {
		return feedcal_relay_text( 400, "feedcal relay: give the feed's address as ?url=<encoded feed URL>." );
	}
	$raw    = preg_replace( '/#.*$/s', '', $raw );
	$scheme = strtolower( (string) wp_parse_url( $raw, PHP_URL_SCHEME ) );
	if ( 'http' !== $scheme && 'https' !== $scheme ) {
		return feedcal_relay_text( 400, 'feedcal relay: only http and https feeds are relayed.' );
	}
	if ( null === feedcal_url_parts( $raw ) ) {
		return feedcal_relay_text( 400, 'feedcal relay: ?url= is not a complete address without a user name or password.' );
	}
	if ( ! feedcal_is_allowed( $raw ) ) {
		return feedcal_relay_text( 403, "feedcal relay: this address is not on the relay's allow list; the site's administrator can add it under Settings > feedcal." );
	}
	$outcome = feedcal_relay_load( $raw );
	if ( 'error' === $outcome['kind'] ) {
		$response = feedcal_relay_text( $outcome['error']['status'], $outcome['error']['message'] );
		if ( ! empty( $outcome['error']['retry_after'] ) ) {
			$response->header( 'Retry-After', (string) $outcome['error']['retry_after'] );
		}
		return $response;
	}
	return feedcal_relay_feed_response( $outcome, $request );
}

/**
 * A one-line plain-text answer, never cached.
 *
 * @param int    $status  HTTP status.
 * @param string $message The line.
 * @return WP_REST_Response
 */
function feedcal_relay_text( $status, $message ) {
	$response = new WP_REST_Response( $message . "\n", $status );
	$response->header( 'Content-Type', 'text/plain; charset=utf-8' );
	$response->header( 'Cache-Control', 'no-store' );
	$response->header( 'X-Content-Type-Options', 'nosniff' );
	return $response;
}

/**
 * The feed's answer: the body and the headers the widget reads.
 *
 * @param array           $outcome From feedcal_relay_load().
 * @param WP_REST_Request $request The request (for If-None-Match).
 * @return WP_REST_Response
 */
function feedcal_relay_feed_response( $outcome, $request ) {
	$entry    = $outcome['entry'];
	$settings = feedcal_relay_settings();
	$headers  = array(
		'Content-Type'            => $entry['content_type'],
		'Age'                     => (string) max( 0, time() - (int) $entry['stored_at'] ),
		'X-Feedcal-Cache'         => $outcome['kind'],
		'X-Content-Type-Options'  => 'nosniff',
		// The body is someone else's: a page among the feeds must not run as the site's origin.
		'Content-Security-Policy' => "default-src 'none'; sandbox",
		'Cache-Control'           => 'stale' === $outcome['kind'] ? 'public, max-age=0, must-revalidate' : 'public, max-age=' . $settings['cache_seconds'],
	);
	if ( 'stale' === $outcome['kind'] ) {
		$headers['X-Feedcal-Stale'] = $outcome['error']['reason'];
	}
	if ( ! empty( $entry['etag'] ) ) {
		$headers['ETag'] = $entry['etag'];
	}
	if ( ! empty( $entry['last_modified'] ) ) {
		$headers['Last-Modified'] = $entry['last_modified'];
	}
	$if_none_match = (string) $request->get_header( 'if_none_match' );
	if ( ! empty( $entry['etag'] ) && '' !== $if_none_match ) {
		foreach ( explode( ',', $if_none_match ) as $tag ) {
			if ( trim( $tag ) === $entry['etag'] || '*' === trim( $tag ) ) {
				unset( $headers['Content-Type'] );
				return new WP_REST_Response( '', 304, $headers );
			}
		}
	}
	$body = base64_decode( $entry['body'] ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- the cache keeps bodies in base64 so any byte survives the database.
	return new WP_REST_Response( $body, 200, $headers );
}

/**
 * Sends the relay's answers as they are (the feed's bytes, or a line of text), not as JSON, and
 * without the CORS headers WordPress gives every REST answer: the relay is for the site's own pages.
 *
 * @param bool             $served  Whether the request was already served.
 * @param WP_HTTP_Response $result  The answer.
 * @param WP_REST_Request  $request The request.
 * @return bool
 */
function feedcal_serve_relay_response( $served, $result, $request ) {
	if ( $served || ! ( $request instanceof WP_REST_Request ) || FEEDCAL_RELAY_ROUTE !== $request->get_route() ) {
		return $served;
	}
	if ( ! headers_sent() ) {
		foreach ( array( 'Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Expose-Headers', 'Link' ) as $name ) {
			header_remove( $name );
		}
	}
	$data = $result instanceof WP_HTTP_Response ? $result->get_data() : null;
	if ( ! is_string( $data ) ) {
		// Not one of the relay's own answers (WordPress's 405 for a POST, say): one line of text.
		$status = $result instanceof WP_HTTP_Response ? $result->get_status() : 500;
		if ( ! headers_sent() ) {
			header( 'Content-Type: text/plain; charset=utf-8' );
		}
		$data = 'feedcal relay: ' . ( 405 === $status || 404 === $status ? 'only GET is relayed.' : 'the request failed.' ) . "\n";
	}
	if ( 'HEAD' !== $request->get_method() ) {
		echo $data; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a feed's bytes served as its own type with nosniff and a sandbox CSP, or our own plain text; never HTML of this site.
	}
	return true;
}

/**
 * The cache key of a feed (transient names are at most 172 characters).
 *
 * @param string $url  The feed's address.
 * @param string $kind 'feed', 'fail' or 'lock'.
 * @return string
 */
function feedcal_relay_key( $url, $kind ) {
	return 'feedcal_' . $kind . '_' . md5( $url );
}

/**
 * The feed at $url: from the cache, from one upstream request, or the last good copy.
 *
 * @param string $url An allowed feed address.
 * @return array { kind: hit|miss|revalidated|stale|error, entry?, error? }
 */
function feedcal_relay_load( $url ) {
	$settings = feedcal_relay_settings();
	$entry    = get_transient( feedcal_relay_key( $url, 'feed' ) );
	$entry    = is_array( $entry ) && isset( $entry['body'], $entry['stored_at'] ) ? $entry : null;
	$now      = time();
	if ( $entry && $now - $entry['stored_at'] < $settings['cache_seconds'] ) {
		return array(
			'kind'  => 'hit',
			'entry' => $entry,
		);
	}
	$usable = $entry && $now - $entry['stored_at'] < $settings['stale_seconds'] ? $entry : null;
	$failed = get_transient( feedcal_relay_key( $url, 'fail' ) );
	if ( is_array( $failed ) && $failed['until'] > $now ) {
		if ( $usable ) {
			return array(
				'kind'  => 'stale',
				'entry' => $usable,
				'error' => $failed,
			);
		}
		$failed['retry_after'] = max( 1, $failed['until'] - $now );
		return array(
			'kind'  => 'error',
			'error' => $failed,
		);
	}
	// One upstream request at a time per feed: the others serve the copy, or wait for it.
	$lock = feedcal_relay_key( $url, 'lock' );
	if ( ! feedcal_relay_lock( $lock, $now, $settings['timeout'] + 5 ) ) {
		if ( $usable ) {
			return array(
				'kind'  => 'hit',
				'entry' => $usable,
			);
		}
		return feedcal_relay_wait( $url, $settings );
	}
	try {
		return feedcal_relay_refresh( $url, $entry, $usable, $settings );
	} finally {
		feedcal_relay_unlock( $lock );
	}
}

/**
 * Takes the lock named $lock, atomically across PHP processes: a row in the options table
 * inserted with INSERT IGNORE (add_option() would update a row that is already there). A lock
 * older than $stale_after seconds was left by a request that died, and is taken over.
 *
 * @param string $lock        The lock's name.
 * @param int    $now         The time.
 * @param int    $stale_after Seconds after which a held lock is abandoned.
 * @return bool Whether this request holds it now.
 */
function feedcal_relay_lock( $lock, $now, $stale_after ) {
	global $wpdb;
	// phpcs:disable WordPress.DB.DirectDatabaseQuery -- a lock must not go through the options cache.
	if ( 1 === (int) $wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, 'no')", $lock, (string) $now ) ) ) {
		return true;
	}
	$held_since = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $lock ) );
	if ( null !== $held_since && $now - (int) $held_since > $stale_after ) {
		// Compare and set: of several requests finding the same abandoned lock, one takes it.
		return 1 === (int) $wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = %s AND option_value = %s", (string) $now, $lock, $held_since ) );
	}
	// phpcs:enable
	return false;
}

/**
 * Lets go of a lock taken with feedcal_relay_lock().
 *
 * @param string $lock The lock's name.
 */
function feedcal_relay_unlock( $lock ) {
	global $wpdb;
	$wpdb->delete( $wpdb->options, array( 'option_name' => $lock ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see feedcal_relay_lock().
}

/**
 * Whether the lock named $lock is held, read from the database (not a cache).
 *
 * @param string $lock The lock's name.
 * @return bool
 */
function feedcal_relay_locked( $lock ) {
	global $wpdb;
	return null !== $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $lock ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- see feedcal_relay_lock().
}

/**
 * Waits for the request another visitor started for the same feed, then answers as it did.
 *
 * @param string $url      The feed.
 * @param array  $settings The relay's limits.
 * @return array
 */
function feedcal_relay_wait( $url, $settings ) {
	$until = microtime( true ) + $settings['timeout'] + 1;
	while ( microtime( true ) < $until ) {
		usleep( 200000 );
		if ( ! feedcal_relay_locked( feedcal_relay_key( $url, 'lock' ) ) ) {
			// The other request is done: its copy (or its failure) is in the transients now.
			foreach ( array( 'feed', 'fail' ) as $kind ) {
				wp_cache_delete( '_transient_' . feedcal_relay_key( $url, $kind ), 'options' );
				wp_cache_delete( '_transient_timeout_' . feedcal_relay_key( $url, $kind ), 'options' );
			}
			wp_cache_delete( 'notoptions', 'options' );
			return feedcal_relay_load( $url );
		}
	}
	return array(
		'kind'  => 'error',
		'error' => array(
			'status'  => 504,
			'message' => "feedcal relay: the feed's server did not answer in time.",
			'reason'  => 'timeout',
		),
	);
}

/**
 * Asks the upstream (conditionally when there is a copy) and stores what is a feed.
 *
 * @param string     $url      The feed.
 * @param array|null $entry    The stored copy, however old.
 * @param array|null $usable   The stored copy when it may still be served stale.
 * @param array      $settings The relay's limits.
 * @return array
 */
function feedcal_relay_refresh( $url, $entry, $usable, $settings ) {
	try {
		$fetched = feedcal_relay_fetch( $url, $entry, $settings );
		if ( ! empty( $fetched['not_modified'] ) && $entry ) {
			$entry['stored_at'] = time();
			if ( ! empty( $fetched['etag'] ) ) {
				$entry['etag'] = $fetched['etag'];
			}
			if ( ! empty( $fetched['last_modified'] ) ) {
				$entry['last_modified'] = $fetched['last_modified'];
			}
			set_transient( feedcal_relay_key( $url, 'feed' ), $entry, $settings['stale_seconds'] );
			return array(
				'kind'  => 'revalidated',
				'entry' => $entry,
			);
		}
		$fresh = array(
			'body'          => base64_encode( $fetched['body'] ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- any byte of a feed survives the database this way.
			'content_type'  => $fetched['content_type'],
			'etag'          => $fetched['etag'],
			'last_modified' => $fetched['last_modified'],
			'stored_at'     => time(),
			'url'           => $fetched['url'],
		);
		set_transient( feedcal_relay_key( $url, 'feed' ), $fresh, max( $settings['stale_seconds'], $settings['cache_seconds'], 1 ) );
		delete_transient( feedcal_relay_key( $url, 'fail' ) );
		return array(
			'kind'  => 'miss',
			'entry' => $fresh,
		);
	} catch ( Feedcal_Relay_Error $caught ) {
		$error = array(
			'status'  => $caught->status,
			'message' => $caught->getMessage(),
			'reason'  => $caught->reason,
			'until'   => time() + $settings['failure_seconds'],
		);
		if ( $settings['failure_seconds'] > 0 ) {
			set_transient( feedcal_relay_key( $url, 'fail' ), $error, $settings['failure_seconds'] );
			$error['retry_after'] = $settings['failure_seconds'];
		}
		if ( $usable ) {
			return array(
				'kind'  => 'stale',
				'entry' => $usable,
				'error' => $error,
			);
		}
		return array(
			'kind'  => 'error',
			'error' => $error,
		);
	}
}

/**
 * Fetches $url, following redirects itself so that every hop is checked, capped and timed out.
 *
 * @param string     $url      The feed.
 * @param array|null $stale    The stored copy, for a conditional request.
 * @param array      $settings The relay's limits.
 * @return array { body, content_type, etag, last_modified, url } or { not_modified, etag, last_modified, url }
 * @throws Feedcal_Relay_Error When the feed cannot be relayed.
 */
function feedcal_relay_fetch( $url, $stale, $settings ) {
	$deadline = microtime( true ) + $settings['timeout'];
	$seen     = array();
	for ( $hop = 0; ; $hop++ ) {
		$address = feedcal_relay_check_hop( $url, $hop > 0 );
		$seen[]  = $url;
		$headers = array(
			'User-Agent'      => 'feedcal-relay/' . FEEDCAL_VERSION . ' (WordPress)',
			'Accept'          => 'text/calendar, application/calendar+json;q=0.9, application/feed+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1',
			'Accept-Encoding' => 'identity',
		);
		$conditional = $stale && isset( $stale['url'] ) && $stale['url'] === $url;
		if ( $conditional && ! empty( $stale['etag'] ) ) {
			$headers['If-None-Match'] = $stale['etag'];
		}
		if ( $conditional && ! empty( $stale['last_modified'] ) ) {
			$headers['If-Modified-Since'] = $stale['last_modified'];
		}
		$left = $deadline - microtime( true );
		if ( $left <= 0 ) {
			throw new Feedcal_Relay_Error( 504, "the feed's server did not answer within {$settings['timeout']} s.", 'timeout' );
		}
		$response = feedcal_relay_get( $url, $address, $headers, $left, $settings['max_bytes'] + 1 );
		if ( is_wp_error( $response ) ) {
			$message = $response->get_error_message();
			if ( false !== stripos( $message, 'timed out' ) || false !== stripos( $message, 'timeout' ) ) {
				throw new Feedcal_Relay_Error( 504, "the feed's server did not answer within {$settings['timeout']} s.", 'timeout' );
			}
			if ( 'feedcal_too_large' === $response->get_error_code() ) {
				throw new Feedcal_Relay_Error( 413, "the feed is larger than the relay's limit of " . size_format( $settings['max_bytes'] ) . '.', 'too large' );
			}
			throw new Feedcal_Relay_Error( 502, "could not reach the feed's server.", 'network error' );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( in_array( $status, array( 301, 302, 303, 307, 308 ), true ) ) {
			$location = wp_remote_retrieve_header( $response, 'location' );
			if ( is_array( $location ) ) {
				$location = end( $location );
			}
			if ( ! is_string( $location ) || '' === $location ) {
				throw new Feedcal_Relay_Error( 502, "the feed's server answered a redirect without a valid Location.", 'bad redirect' );
			}
			$next = preg_replace( '/#.*$/s', '', WP_Http::make_absolute_url( $location, $url ) );
			if ( in_array( $next, $seen, true ) ) {
				throw new Feedcal_Relay_Error( 502, "the feed's server redirects in a loop.", 'redirect loop' );
			}
			if ( $hop + 1 > $settings['max_redirects'] ) {
				throw new Feedcal_Relay_Error( 502, "the feed redirected more than {$settings['max_redirects']} times.", 'too many redirects' );
			}
			$url = $next;
			continue;
		}
		$etag          = (string) wp_remote_retrieve_header( $response, 'etag' );
		$last_modified = (string) wp_remote_retrieve_header( $response, 'last-modified' );
		if ( 304 === $status && $conditional ) {
			return array(
				'not_modified'  => true,
				'etag'          => $etag,
				'last_modified' => $last_modified,
				'url'           => $url,
			);
		}
		if ( 200 !== $status ) {
			throw new Feedcal_Relay_Error( 502, "the feed's server answered HTTP {$status}.", "upstream {$status}" );
		}
		$body = (string) wp_remote_retrieve_body( $response );
		if ( strlen( $body ) > $settings['max_bytes'] ) {
			throw new Feedcal_Relay_Error( 413, "the feed is larger than the relay's limit of " . size_format( $settings['max_bytes'] ) . '.', 'too large' );
		}
		$encoding = strtolower( trim( (string) wp_remote_retrieve_header( $response, 'content-encoding' ) ) );
		if ( '' !== $encoding && 'identity' !== $encoding ) {
			$body = feedcal_relay_inflate( $body, $encoding, $settings['max_bytes'] );
		}
		$content_type = (string) wp_remote_retrieve_header( $response, 'content-type' );
		$format       = feedcal_detect_format( $body, $content_type );
		if ( '' === $format ) {
			throw new Feedcal_Relay_Error( 415, 'the address did not return a feed (JSON, RSS, Atom, iCalendar, Markdown or a page with JSON-LD events).', 'not a feed' );
		}
		if ( '' === $content_type ) {
			$types        = array(
				'ics'      => 'text/calendar',
				'json'     => 'application/json',
				'jsonld'   => 'application/ld+json',
				'rss'      => 'application/rss+xml',
				'atom'     => 'application/atom+xml',
				'markdown' => 'text/markdown',
			);
			$content_type = $types[ $format ];
		}
		return array(
			'body'          => $body,
			'content_type'  => $content_type,
			'etag'          => $etag,
			'last_modified' => $last_modified,
			'url'           => $url,
		);
	}
}

/**
 * Refuses $url unless it is http(s), on the allow list and reaches no forbidden address; returns
 * the address to connect to (the one that was checked, so DNS cannot change it in between).
 *
 * @param string $url        The hop's address.
 * @param bool   $redirected Whether a redirect led here.
 * @return string An IP address, or '' for a host the owner named as private.
 * @throws Feedcal_Relay_Error When the hop is refused.
 */
function feedcal_relay_check_hop( $url, $redirected ) {
	$where = $redirected ? 'the feed redirected to' : 'the address is';
	$parts = feedcal_url_parts( $url );
	if ( null === $parts ) {
		throw new Feedcal_Relay_Error( $redirected ? 403 : 400, "{$where} not an http(s) address without credentials, which is not relayed.", 'redirect refused' );
	}
	if ( ! feedcal_is_allowed( $url ) ) {
		throw new Feedcal_Relay_Error( 403, "{$where} an address that is not on the relay's allow list.", $redirected ? 'redirect refused' : 'not allowed' );
	}
	$addresses = feedcal_resolve_host( $parts['hostname'] );
	if ( ! $addresses ) {
		throw new Feedcal_Relay_Error( 502, "could not resolve {$parts['hostname']}.", 'dns error' );
	}
	if ( feedcal_is_named_private( $parts['hostname'] ) ) {
		return $addresses[0];
	}
	foreach ( $addresses as $address ) {
		$problem = feedcal_forbidden_address( $address );
		if ( '' !== $problem ) {
			throw new Feedcal_Relay_Error( 403, "refused: {$parts['hostname']} resolves to a {$problem} address; the relay only fetches private hosts the site's administrator names.", 'address refused' );
		}
	}
	return $addresses[0];
}

/**
 * One request through wp_safe_remote_get(), which refuses private addresses and unusual ports
 * itself. For this request only, the host and port just checked are let through (a named
 * private host, or a port the allow list names) and curl connects to the checked address.
 *
 * @param string $url       The hop's address.
 * @param string $address   The checked IP address.
 * @param array  $headers   Request headers.
 * @param float  $timeout   Seconds left.
 * @param int    $limit     Bytes to read at most.
 * @return array|WP_Error
 */
function feedcal_relay_get( $url, $address, $headers, $timeout, $limit ) {
	$parts    = feedcal_url_parts( $url );
	$host     = $parts['hostname'];
	$external = function ( $is_external, $checked_host ) use ( $host ) {
		return strtolower( trim( $checked_host, '[]' ) ) === $host && feedcal_is_named_private( $host ) ? true : $is_external;
	};
	$ports    = function ( $allowed, $checked_host ) use ( $parts ) {
		if ( strtolower( trim( (string) $checked_host, '[]' ) ) === $parts['hostname'] ) {
			$allowed[] = $parts['port'];
		}
		return $allowed;
	};
	$too_large = false;
	$curl      = function ( $handle ) use ( $parts, $address, $limit, &$too_large ) {
		// phpcs:disable WordPress.WP.AlternativeFunctions.curl_curl_setopt -- WordPress has no API for these.
		if ( defined( 'CURLOPT_RESOLVE' ) && false === strpos( $parts['hostname'], ':' ) && false !== @inet_pton( $address ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- checked above; no warning wanted.
			// Connect to the address that was checked, so DNS cannot answer differently now (rebinding).
			$ip = false !== strpos( $address, ':' ) ? '[' . $address . ']' : $address;
			curl_setopt( $handle, CURLOPT_RESOLVE, array( $parts['hostname'] . ':' . $parts['port'] . ':' . $ip ) );
		}
		// limit_response_size only stops keeping the body: curl would go on reading a 5 GB answer
		// until the timeout. These stop the transfer itself: at once when the declared length is
		// over the cap, else as soon as the bytes received pass it.
		curl_setopt( $handle, CURLOPT_MAXFILESIZE, $limit );
		curl_setopt( $handle, CURLOPT_NOPROGRESS, false );
		curl_setopt(
			$handle,
			CURLOPT_PROGRESSFUNCTION,
			function ( $h, $expected, $received ) use ( $limit, &$too_large ) {
				if ( $received > $limit || $expected > $limit ) {
					$too_large = true;
					return 1;
				}
				return 0;
			}
		);
		// phpcs:enable
	};
	add_filter( 'http_request_host_is_external', $external, 10, 2 );
	add_filter( 'http_allowed_safe_ports', $ports, 10, 2 );
	add_action( 'http_api_curl', $curl );
	try {
		$response = wp_safe_remote_get(
			$url,
			array(
				'timeout'             => max( 1, $timeout ),
				'redirection'         => 0,
				'headers'             => $headers,
				'cookies'             => array(),
				'decompress'          => false,
				'limit_response_size' => $limit,
				'user-agent'          => $headers['User-Agent'],
			)
		);
	} finally {
		remove_filter( 'http_request_host_is_external', $external, 10 );
		remove_filter( 'http_allowed_safe_ports', $ports, 10 );
		remove_action( 'http_api_curl', $curl );
	}
	if ( $too_large || ( is_wp_error( $response ) && preg_match( '/maximum file size|callback aborted|aborted by (a|an application) callback/i', $response->get_error_message() ) ) ) {
		return new WP_Error( 'feedcal_too_large', 'too large' );
	}
	return $response;
}

/**
 * Undoes a Content-Encoding the server used although it was asked not to, stopping at the cap
 * (a gzip bomb ends there, not in memory).
 *
 * @param string $body      The encoded body.
 * @param string $encoding  gzip, x-gzip or deflate.
 * @param int    $max_bytes The cap.
 * @return string
 * @throws Feedcal_Relay_Error When it cannot be decoded or is too large.
 */
function feedcal_relay_inflate( $body, $encoding, $max_bytes ) {
	$modes = array(
		'gzip'    => ZLIB_ENCODING_GZIP,
		'x-gzip'  => ZLIB_ENCODING_GZIP,
		'deflate' => ZLIB_ENCODING_DEFLATE,
	);
	if ( ! isset( $modes[ $encoding ] ) || ! function_exists( 'inflate_init' ) ) {
		throw new Feedcal_Relay_Error( 502, "the feed's server sent an encoding the relay does not read ({$encoding}).", 'bad encoding' );
	}
	$context = inflate_init( $modes[ $encoding ] );
	$out     = '';
	foreach ( str_split( $body, 65536 ) as $chunk ) {
		$part = @inflate_add( $context, $chunk, ZLIB_SYNC_FLUSH ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a corrupt body is reported below.
		if ( false === $part ) {
			throw new Feedcal_Relay_Error( 502, "the feed's server sent a body that does not decompress.", 'bad encoding' );
		}
		$out .= $part;
		if ( strlen( $out ) > $max_bytes ) {
			throw new Feedcal_Relay_Error( 413, "the feed is larger than the relay's limit of " . size_format( $max_bytes ) . ' (decompressed).', 'too large' );
		}
	}
	return $out;
}

/**
 * The feed format of a body, or '' when it is none the widget reads: the widget's own detector
 * (src/lib/feeds/detect.ts) in PHP. The body decides; the content type only breaks ties.
 *
 * @param string $body         The body.
 * @param string $content_type The Content-Type header.
 * @return string ics, markdown, json, jsonld, rss, atom or ''.
 */
function feedcal_detect_format( $body, $content_type ) {
	$head = ltrim( substr( $body, 0, 4096 ), "\xEF\xBB\xBF \t\r\n" );
	$type = strtolower( trim( explode( ';', $content_type )[0] ) );
	$typed = '';
	if ( 'text/calendar' === $type || 'application/ics' === $type ) {
		$typed = 'ics';
	} elseif ( 'application/rss+xml' === $type || 'application/rdf+xml' === $type ) {
		$typed = 'rss';
	} elseif ( 'application/atom+xml' === $type ) {
		$typed = 'atom';
	} elseif ( 'application/ld+json' === $type ) {
		$typed = 'jsonld';
	} elseif ( 'text/markdown' === $type || 'text/x-markdown' === $type ) {
		$typed = 'markdown';
	} elseif ( 'application/json' === $type || '+json' === substr( $type, -5 ) ) {
		$typed = 'json';
	}
	if ( '' === $head ) {
		return '';
	}
	if ( preg_match( '/^BEGIN:VCALENDAR\b/i', $head ) ) {
		return 'ics';
	}
	if ( preg_match( '/^---[ \t]*\r?\n/', $head ) ) {
		return 'markdown';
	}
	if ( '{' === $head[0] || '[' === $head[0] ) {
		if ( preg_match( '/schema\.org/i', $head ) && false !== strpos( $head, '"@context"' ) && preg_match( '/"@type"\s*:\s*\[?\s*"(?:[^"]*[\/:#])?\w*Event"/', $head ) ) {
			return 'jsonld';
		}
		return 'jsonld' === $typed ? 'jsonld' : 'json';
	}
	if ( '<' === $head[0] ) {
		$root = feedcal_xml_root( $head );
		if ( '' !== $root ) {
			$local = preg_replace( '/^[\w.-]+:/', '', $root );
			if ( 'rss' === $local || 'RDF' === $local ) {
				return 'rss';
			}
			if ( 'feed' === $local ) {
				return 'atom';
			}
			if ( 'html' === strtolower( $local ) ) {
				return preg_match( '/application\/ld\+json/i', $body ) ? 'jsonld' : '';
			}
			return 'rss' === $typed || 'atom' === $typed ? $typed : '';
		}
		if ( preg_match( '/^<!doctype\s+html/i', $head ) || preg_match( '/^<(head|body|meta|title|div|p|script)\b/i', $head ) ) {
			return preg_match( '/application\/ld\+json/i', $body ) ? 'jsonld' : '';
		}
	}
	if ( 'ics' === $typed && preg_match( '/BEGIN:VCALENDAR/i', $head ) ) {
		return 'ics';
	}
	return 'markdown' === $typed ? 'markdown' : '';
}

/**
 * The name of the first element after the XML prolog, or '' when the head ends first.
 *
 * @param string $head The first 4 KB.
 * @return string
 */
function feedcal_xml_root( $head ) {
	$i   = 0;
	$len = strlen( $head );
	while ( $i < $len ) {
		while ( $i < $len && ctype_space( $head[ $i ] ) ) {
			$i++;
		}
		if ( '<?' === substr( $head, $i, 2 ) ) {
			$end = strpos( $head, '?>', $i );
			if ( false === $end ) {
				return '';
			}
			$i = $end + 2;
		} elseif ( '<!--' === substr( $head, $i, 4 ) ) {
			$end = strpos( $head, '-->', $i );
			if ( false === $end ) {
				return '';
			}
			$i = $end + 3;
		} elseif ( '<!doctype' === strtolower( substr( $head, $i, 9 ) ) ) {
			if ( preg_match( '/^<!doctype\s+html/i', substr( $head, $i, 15 ) ) ) {
				return 'html';
			}
			$bracket = strpos( $head, '[', $i );
			$close   = strpos( $head, '>', $i );
			$end     = $close;
			if ( false !== $bracket && false !== $close && $bracket < $close ) {
				$end = strpos( $head, ']>', $bracket );
				$end = false === $end ? false : $end + 1;
			}
			if ( false === $end ) {
				return '';
			}
			$i = $end + 1;
		} else {
			return preg_match( '/^<([A-Za-z_][\w.:-]*)/', substr( $head, $i, 200 ), $m ) ? $m[1] : '';
		}
	}
	return '';
}
