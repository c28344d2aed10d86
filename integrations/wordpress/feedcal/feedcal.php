<?php
/**
 * Plugin Name:       feedcal
 * Plugin URI:        https://github.com/feedcal/feedcal
 * Description:       Your organisation's events from the feed you already publish (Google Calendar, Nextcloud, Gancio, Mobilizon, RSS, JSON): a [feedcal] shortcode and a block, with a relay on your own domain for calendars that send no CORS headers.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            feedcal
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       feedcal
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

define( 'FEEDCAL_VERSION', '0.1.0' );
define( 'FEEDCAL_FILE', __FILE__ );
define( 'FEEDCAL_DIR', __DIR__ );

require_once __DIR__ . '/includes/element-attributes.php';
require_once __DIR__ . '/includes/address.php';
require_once __DIR__ . '/includes/allow-list.php';
require_once __DIR__ . '/includes/relay.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/settings.php';

add_action( 'init', 'feedcal_register_script' );
add_action( 'init', 'feedcal_register_shortcodes' );
add_action( 'init', 'feedcal_register_block' );
add_action( 'rest_api_init', 'feedcal_register_relay_route' );
add_filter( 'rest_pre_serve_request', 'feedcal_serve_relay_response', 20, 4 );
add_action( 'admin_menu', 'feedcal_add_settings_page' );
add_action( 'admin_init', 'feedcal_register_settings' );
add_filter( 'script_loader_tag', 'feedcal_module_script_tag', 10, 2 );
add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'feedcal_plugin_action_links' );

/**
 * Registers the widget's script (the files of dist/cdn/, shipped in assets/feedcal/). It is
 * only enqueued by a shortcode or block that renders, so pages without one load nothing.
 */
function feedcal_register_script() {
	wp_register_script( 'feedcal', plugins_url( 'assets/feedcal/feedcal.js', __FILE__ ), array(), FEEDCAL_VERSION, true );
}

/**
 * The widget is an ES module (it loads its chunks with import()); WordPress 6.1 has no module
 * API, so the tag gets type="module" here.
 *
 * @param string $tag    The script tag WordPress wrote.
 * @param string $handle Its handle.
 * @return string
 */
function feedcal_module_script_tag( $tag, $handle ) {
	if ( 'feedcal' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return str_replace( '<script ', '<script type="module" ', $tag );
}

/**
 * A "Settings" link beside "Deactivate" on the Plugins screen.
 *
 * @param string[] $links The existing links.
 * @return string[]
 */
function feedcal_plugin_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=feedcal' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'feedcal' ) . '</a>' );
	return $links;
}
