<?php
/**
 * Removes the plugin's options and every stored feed copy when the plugin is deleted.
 *
 * @package feedcal
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'feedcal_allow' );
delete_option( 'feedcal_private_hosts' );

global $wpdb;
// Transients and locks are named feedcal_feed_<md5>, feedcal_fail_<md5>, feedcal_lock_<md5>.
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_feedcal\\_%' OR option_name LIKE '\\_transient\\_timeout\\_feedcal\\_%' OR option_name LIKE 'feedcal\\_lock\\_%'" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-off clean-up of the plugin's own rows.
