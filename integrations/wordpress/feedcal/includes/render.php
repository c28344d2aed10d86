<?php
/**
 * Writes the <event-list> element for the shortcode and the block: attributes checked against
 * the element's own list (element-attributes.php, generated from custom-elements.json) and
 * escaped, addresses limited to http(s), the relay set as proxy for allowed feeds, and fallback
 * content (a link to the feed's page) for visitors without JavaScript and for crawlers. Notes
 * for the site's administrators (an unknown attribute, a refused value, a feed to allow) are
 * shown to them only, never to visitors.
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's own options, beside the element's attributes: `link` (the fallback link's
 * address; default the feed's page) and `link-text` (its words).
 */
const FEEDCAL_OWN_ATTRIBUTES = array( 'link', 'link-text' );

/**
 * Attributes every HTML element has that the widget reads.
 */
const FEEDCAL_GLOBAL_ATTRIBUTES = array( 'id', 'lang', 'class' );

/**
 * Renders an <event-list>.
 *
 * @param array  $atts    Attribute name => value (names as on the element: time-zone, group-by…).
 *                        A boolean attribute may have the value true (present) or false (absent).
 * @param array  $sources Each an array of <event-source> attributes.
 * @param string $context 'shortcode' or 'block', for the notes.
 * @return string HTML.
 */
function feedcal_render_list( $atts, $sources = array(), $context = 'shortcode' ) {
	$notes      = array();
	$attributes = array();
	$known      = feedcal_element_attributes( 'event-list' );
	$links      = array();

	foreach ( $atts as $name => $value ) {
		$name = strtolower( (string) $name );
		if ( in_array( $name, FEEDCAL_OWN_ATTRIBUTES, true ) ) {
			$links[ $name ] = $value;
			continue;
		}
		if ( ! isset( $known[ $name ] ) && ! in_array( $name, FEEDCAL_GLOBAL_ATTRIBUTES, true ) ) {
			/* translators: %s: an attribute name. */
			$notes[] = sprintf( __( 'feedcal ignored the attribute "%s": <event-list> has no attribute by that name.', 'feedcal' ), $name );
			continue;
		}
		$checked = feedcal_check_attribute( $name, $value, isset( $known[ $name ] ) ? $known[ $name ] : 'string' );
		if ( is_wp_error( $checked ) ) {
			$notes[] = $checked->get_error_message();
			continue;
		}
		if ( null !== $checked ) {
			$attributes[ $name ] = $checked;
		}
	}

	$feeds = isset( $attributes['src'] ) ? preg_split( '/\s+/', $attributes['src'], -1, PREG_SPLIT_NO_EMPTY ) : array();
	$children = '';
	foreach ( $sources as $source ) {
		$child = feedcal_render_source( $source, $notes );
		if ( null !== $child ) {
			$children .= $child['html'];
			$feeds[]   = $child['src'];
		}
	}
	if ( ! $feeds ) {
		$notes[] = __( 'feedcal shows nothing: give the feed\'s address as src="https://…" (or [feedcal_source src="…"] inside [feedcal]…[/feedcal]).', 'feedcal' );
	}

	// The relay for feeds on its allow list, unless the editor set a proxy of their own.
	$relay = array();
	foreach ( $feeds as $feed ) {
		if ( feedcal_is_allowed( $feed ) ) {
			$relay[] = $feed;
		} elseif ( ! feedcal_is_same_site( $feed ) ) {
			$notes[] = feedcal_allow_note( $feed );
		}
	}
	if ( $relay && ! isset( $attributes['proxy'] ) && count( $relay ) === count( $feeds ) ) {
		$attributes['proxy'] = feedcal_relay_template();
	} elseif ( $relay && ! isset( $attributes['proxy'] ) ) {
		// Some feeds allowed, some not: each source names its own proxy (see feedcal_render_source).
		$children = feedcal_proxy_allowed_sources( $children );
	}

	if ( ! isset( $attributes['time-zone'] ) ) {
		$zone = wp_timezone_string();
		if ( preg_match( '#^[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+$#', $zone ) || 'UTC' === $zone ) {
			$attributes['time-zone'] = $zone;
		}
	}

	wp_enqueue_script( 'feedcal' );

	$html = '<event-list';
	foreach ( $attributes as $name => $value ) {
		$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	$html .= '>' . $children . feedcal_fallback_link( $feeds, $links ) . '</event-list>';
	return feedcal_admin_notes( $notes ) . $html;
}

/**
 * Checks one attribute's value by its kind: addresses must be http(s) (or relative), a proxy
 * must hold {url}, an on/off attribute is present or absent, everything else is text that is
 * escaped when written.
 *
 * @param string $name  The attribute.
 * @param mixed  $value Its value.
 * @param string $kind  url, urls, proxy, boolean or string (element-attributes.php).
 * @return string|true|null|WP_Error The value to write, true for a present boolean, null to leave it out.
 */
function feedcal_check_attribute( $name, $value, $kind ) {
	if ( 'boolean' === $kind ) {
		if ( true === $value ) {
			return true;
		}
		$text = strtolower( trim( (string) $value ) );
		return ( false === $value || 'false' === $text || '0' === $text || 'no' === $text || 'off' === $text ) ? null : true;
	}
	$value = trim( (string) $value );
	if ( '' === $value ) {
		return null;
	}
	if ( 'urls' === $kind || 'url' === $kind ) {
		$urls = preg_split( '/\s+/', $value, -1, PREG_SPLIT_NO_EMPTY );
		foreach ( $urls as $url ) {
			if ( '' === feedcal_safe_url( $url ) ) {
				/* translators: 1: attribute name, 2: the refused value. */
				return new WP_Error( 'feedcal_bad_url', sprintf( __( 'feedcal left out %1$s="%2$s": only http:// and https:// addresses are used.', 'feedcal' ), $name, $value ) );
			}
		}
		return implode( ' ', array_map( 'feedcal_safe_url', 'url' === $kind ? array_slice( $urls, 0, 1 ) : $urls ) );
	}
	if ( 'proxy' === $kind ) {
		$address = str_replace( '{url}', 'FEEDCALURL', $value );
		if ( false === strpos( $value, '{url}' ) || '' === feedcal_safe_url( $address ) ) {
			/* translators: %s: the refused value. */
			return new WP_Error( 'feedcal_bad_proxy', sprintf( __( 'feedcal left out proxy="%s": a proxy is an http(s) address with {url} in it.', 'feedcal' ), $value ) );
		}
		return str_replace( 'FEEDCALURL', '{url}', feedcal_safe_url( $address ) );
	}
	return $value;
}

/**
 * $url cleaned for an attribute when it is an http(s) address (or one relative to the site),
 * else ''. `javascript:`, `data:` and the like are refused, not rewritten.
 *
 * @param string $url An address.
 * @return string
 */
function feedcal_safe_url( $url ) {
	$url = trim( (string) $url );
	if ( '' === $url || preg_match( '/[\x00-\x20"<>\\\\`]/', $url ) ) {
		return '';
	}
	$scheme = wp_parse_url( $url, PHP_URL_SCHEME );
	if ( null !== $scheme && false !== $scheme && ! in_array( strtolower( $scheme ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	if ( null === $scheme && ! preg_match( '#^(/|\./|\.\./|\?)#', $url ) ) {
		return ''; // "javascript&colon;…" and other scheme look-alikes: only clear relative paths pass.
	}
	return esc_url_raw( $url, array( 'http', 'https' ) );
}

/**
 * Whether a feed is on this site (same host), so the browser reads it without CORS or a relay.
 *
 * @param string $url The feed.
 * @return bool
 */
function feedcal_is_same_site( $url ) {
	$host = wp_parse_url( $url, PHP_URL_HOST );
	return null === $host || false === $host || strtolower( $host ) === strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
}

/**
 * One <event-source> child: its attributes checked like the list's.
 *
 * @param array $atts  The child's attributes.
 * @param array $notes The notes for admins, added to.
 * @return array|null { html, src } or null when it has no usable src.
 */
function feedcal_render_source( $atts, &$notes ) {
	$known = feedcal_element_attributes( 'event-source' );
	$html  = '<event-source';
	$src   = '';
	foreach ( $atts as $name => $value ) {
		$name = strtolower( (string) $name );
		if ( ! isset( $known[ $name ] ) ) {
			/* translators: %s: an attribute name. */
			$notes[] = sprintf( __( 'feedcal ignored the attribute "%s" of [feedcal_source]: <event-source> has no attribute by that name.', 'feedcal' ), $name );
			continue;
		}
		$checked = feedcal_check_attribute( $name, $value, $known[ $name ] );
		if ( is_wp_error( $checked ) ) {
			$notes[] = $checked->get_error_message();
			continue;
		}
		if ( null === $checked ) {
			continue;
		}
		if ( 'src' === $name ) {
			$src = $checked;
		}
		$html .= true === $checked ? ' ' . $name : ' ' . $name . '="' . esc_attr( $checked ) . '"';
	}
	if ( '' === $src ) {
		$notes[] = __( 'feedcal left out a [feedcal_source] without a usable src.', 'feedcal' );
		return null;
	}
	return array(
		'html' => $html . '></event-source>',
		'src'  => $src,
	);
}

/**
 * Gives each <event-source> whose feed is allowed (and that names no proxy) the relay.
 *
 * @param string $children The sources' HTML, as feedcal_render_source() wrote it.
 * @return string
 */
function feedcal_proxy_allowed_sources( $children ) {
	return preg_replace_callback(
		'/<event-source([^>]*)>/',
		function ( $m ) {
			if ( false !== strpos( $m[1], ' proxy="' ) || ! preg_match( '/ src="([^"]*)"/', $m[1], $src ) ) {
				return $m[0];
			}
			$feed = html_entity_decode( $src[1], ENT_QUOTES, 'UTF-8' );
			return feedcal_is_allowed( $feed ) ? '<event-source' . $m[1] . ' proxy="' . esc_attr( feedcal_relay_template() ) . '">' : $m[0];
		},
		$children
	);
}

/**
 * The fallback content: a link to the feed's page (or the one the editor gave), shown until the
 * events arrive, when the feed fails, and to visitors and crawlers without JavaScript.
 *
 * @param string[] $feeds The feeds' addresses.
 * @param array    $links link and link-text as given.
 * @return string
 */
function feedcal_fallback_link( $feeds, $links ) {
	$href = isset( $links['link'] ) ? feedcal_safe_url( $links['link'] ) : '';
	if ( '' === $href && $feeds ) {
		$href = feedcal_feed_page( $feeds[0] );
	}
	if ( '' === $href ) {
		return '';
	}
	$text = isset( $links['link-text'] ) && '' !== trim( (string) $links['link-text'] ) ? trim( (string) $links['link-text'] ) : __( 'See all events', 'feedcal' );
	return '<a href="' . esc_url( $href ) . '">' . esc_html( $text ) . '</a>';
}

/**
 * The page a person opens for a feed: Google Calendar's public page for its iCalendar address,
 * else the feed's site.
 *
 * @param string $feed The feed's address.
 * @return string
 */
function feedcal_feed_page( $feed ) {
	if ( preg_match( '#^https://calendar\.google\.com/calendar/ical/([^/]+)/public/#', $feed, $m ) ) {
		return 'https://calendar.google.com/calendar/embed?src=' . rawurlencode( rawurldecode( $m[1] ) );
	}
	$parts = wp_parse_url( $feed );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
		return '';
	}
	return feedcal_safe_url( $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . '/' );
}

/**
 * How an administrator allows a feed the relay does not relay yet.
 *
 * @param string $feed The feed.
 * @return string
 */
function feedcal_allow_note( $feed ) {
	return sprintf(
		/* translators: %s: the feed's address. */
		__( 'The feed %s is not on the relay\'s allow list. If it does not show (Google Calendar, Nextcloud and many blogs send no CORS headers), allow it:', 'feedcal' ),
		$feed
	) . "\x1f" . add_query_arg(
		array(
			'page' => 'feedcal',
			'add'  => rawurlencode( $feed ),
		),
		admin_url( 'options-general.php' )
	);
}

/**
 * The notes, for users who can change the settings; nothing for anyone else.
 *
 * @param string[] $notes The notes (a note may end with "\x1f" and a settings link).
 * @return string
 */
function feedcal_admin_notes( $notes ) {
	if ( ! $notes || ! current_user_can( 'manage_options' ) ) {
		return '';
	}
	$items = '';
	foreach ( array_unique( $notes ) as $note ) {
		$parts  = explode( "\x1f", $note, 2 );
		$items .= '<li>' . esc_html( $parts[0] );
		if ( isset( $parts[1] ) ) {
			$items .= ' <a href="' . esc_url( $parts[1] ) . '">' . esc_html__( 'Allow it in Settings > feedcal', 'feedcal' ) . '</a>';
		}
		$items .= '</li>';
	}
	return '<div class="feedcal-admin-note" role="note" style="border:2px dashed #d63638;padding:.5em 1em;margin:.5em 0;font-size:.9em;overflow-wrap:anywhere">'
		. '<strong>' . esc_html__( 'Only administrators see this:', 'feedcal' ) . '</strong><ul style="margin:.25em 0">' . $items . '</ul></div>';
}
