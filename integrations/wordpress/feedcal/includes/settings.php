<?php
/**
 * Settings > feedcal: the relay's allow list and private hosts. Saved through the Settings API
 * (options.php), which checks the nonce and the manage_options capability; the values are
 * checked again here (one http(s) address or prefix a line).
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/** Adds the page under Settings. */
function feedcal_add_settings_page() {
	add_options_page( __( 'feedcal', 'feedcal' ), __( 'feedcal', 'feedcal' ), 'manage_options', 'feedcal', 'feedcal_settings_page' );
}

/** Registers the options, their section and fields. */
function feedcal_register_settings() {
	register_setting(
		'feedcal',
		'feedcal_allow',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'feedcal_sanitize_allow',
			'default'           => '',
			'show_in_rest'      => false,
		)
	);
	register_setting(
		'feedcal',
		'feedcal_private_hosts',
		array(
			'type'              => 'string',
			'sanitize_callback' => 'feedcal_sanitize_private_hosts',
			'default'           => '',
			'show_in_rest'      => false,
		)
	);
	add_settings_section( 'feedcal_relay', __( 'The relay', 'feedcal' ), 'feedcal_relay_section_text', 'feedcal' );
	add_settings_field( 'feedcal_allow', __( 'Allowed feeds', 'feedcal' ), 'feedcal_allow_field', 'feedcal', 'feedcal_relay', array( 'label_for' => 'feedcal_allow' ) );
	add_settings_field( 'feedcal_private_hosts', __( 'Private hosts', 'feedcal' ), 'feedcal_private_hosts_field', 'feedcal', 'feedcal_relay', array( 'label_for' => 'feedcal_private_hosts' ) );
}

/** What the relay is for. */
function feedcal_relay_section_text() {
	echo '<p>' . esc_html__( 'Google Calendar, Nextcloud and many blogs send no CORS headers, so a browser may not read their feeds from your pages. The relay fetches the feeds you allow here on this server, at most once every 10 minutes, and hands them to your pages; your visitors never contact the calendar\'s server. Calendars whose feed is on this list use the relay automatically.', 'feedcal' ) . '</p>';
	/* translators: %s: the relay's address. */
	echo '<p>' . sprintf( esc_html__( 'The relay\'s address: %s', 'feedcal' ), '<code>' . esc_html( feedcal_relay_template() ) . '</code>' ) . '</p>';
}

/** The allow list's text area (with an address to add, when an admin followed a note's link). */
function feedcal_allow_field() {
	$value = (string) get_option( 'feedcal_allow', '' );
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only pre-fills the form; saving it needs the nonce.
	// feedcal_safe_url() keeps http(s) addresses only; sanitize_text_field() would drop the %40 of a Google Calendar address.
	$add = isset( $_GET['add'] ) ? feedcal_safe_url( wp_unslash( $_GET['add'] ) ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	if ( '' !== $add && ! in_array( $add, feedcal_lines( $value ), true ) ) {
		$value = trim( $value . "\n" . $add );
		echo '<div class="notice notice-info inline"><p>' . esc_html__( 'The feed from the calendar is added below. Press "Save Changes" to allow it.', 'feedcal' ) . '</p></div>';
	}
	echo '<textarea id="feedcal_allow" name="feedcal_allow" rows="6" cols="80" class="large-text code" spellcheck="false">' . esc_textarea( $value ) . '</textarea>';
	echo '<p class="description">' . esc_html__( 'One address a line: a feed\'s exact address, or a prefix ending in / or * (https://calendar.google.com/calendar/ical/ allows every public Google calendar). http and https only.', 'feedcal' ) . '</p>';
}

/** The private hosts' text area. */
function feedcal_private_hosts_field() {
	echo '<textarea id="feedcal_private_hosts" name="feedcal_private_hosts" rows="2" cols="40" class="regular-text code" spellcheck="false">' . esc_textarea( (string) get_option( 'feedcal_private_hosts', '' ) ) . '</textarea>';
	echo '<p class="description">' . esc_html__( 'Usually empty. Host names (one a line) that may be on your own network, e.g. a Nextcloud at nextcloud.lan. The relay refuses every other host that resolves to a private, loopback or link-local address.', 'feedcal' ) . '</p>';
}

/**
 * Keeps the well-formed entries of the allow list and reports the others.
 *
 * @param mixed $value The posted text.
 * @return string
 */
function feedcal_sanitize_allow( $value ) {
	$kept = array();
	foreach ( feedcal_lines( is_string( $value ) ? $value : '' ) as $entry ) {
		$problem = feedcal_allow_entry_problem( $entry );
		if ( '' !== $problem ) {
			add_settings_error( 'feedcal_allow', 'feedcal_allow_bad', $problem . ' ' . __( 'It was not saved.', 'feedcal' ) );
			continue;
		}
		$kept[] = esc_url_raw( rtrim( $entry, '*' ), array( 'http', 'https' ) ) . ( '*' === substr( $entry, -1 ) ? '*' : '' );
	}
	return implode( "\n", array_unique( $kept ) );
}

/**
 * Keeps the host names (letters, digits, dots, hyphens, or an IP address).
 *
 * @param mixed $value The posted text.
 * @return string
 */
function feedcal_sanitize_private_hosts( $value ) {
	$kept = array();
	foreach ( feedcal_lines( is_string( $value ) ? $value : '' ) as $host ) {
		$host = strtolower( trim( $host, '[] ' ) );
		if ( preg_match( '/^[a-z0-9.-]+$/', $host ) || false !== @inet_pton( $host ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a name is not an address: no warning.
			$kept[] = $host;
		} else {
			/* translators: %s: what was typed. */
			add_settings_error( 'feedcal_private_hosts', 'feedcal_host_bad', sprintf( __( '%s is not a host name. It was not saved.', 'feedcal' ), $host ) );
		}
	}
	return implode( "\n", array_unique( $kept ) );
}

/** The page. */
function feedcal_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1>';
	echo '<p>' . wp_kses(
		__( 'Show events with the <strong>Events (feedcal)</strong> block or the shortcode <code>[feedcal src="https://…"]</code>.', 'feedcal' ),
		array(
			'strong' => array(),
			'code'   => array(),
		)
	) . '</p>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'feedcal' );
	do_settings_sections( 'feedcal' );
	submit_button();
	echo '</form></div>';
}
