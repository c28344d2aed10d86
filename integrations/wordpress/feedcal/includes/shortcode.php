<?php
/**
 * [feedcal src="…" view="month" lang="sv" …] takes every <event-list> attribute by the same
 * name; [feedcal_source src="…" label="…"] inside [feedcal]…[/feedcal] becomes an
 * <event-source> child. Any editor who may write a shortcode may use them: the plugin writes the
 * element and the script, so no unfiltered_html is needed.
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/** Registers [feedcal] and [feedcal_source]. */
function feedcal_register_shortcodes() {
	add_shortcode( 'feedcal', 'feedcal_shortcode' );
	add_shortcode( 'feedcal_source', 'feedcal_source_shortcode' );
}

/**
 * The sources collected from [feedcal_source] while a [feedcal]'s content is read.
 *
 * @var array[]|null
 */
$GLOBALS['feedcal_collecting_sources'] = null;

/**
 * [feedcal …]…[/feedcal]
 *
 * @param array|string $atts    The attributes (WordPress gives '' when there are none).
 * @param string|null  $content Content between the tags: [feedcal_source] children.
 * @return string
 */
function feedcal_shortcode( $atts, $content = null ) {
	$outer                                 = $GLOBALS['feedcal_collecting_sources'];
	$GLOBALS['feedcal_collecting_sources'] = array();
	if ( null !== $content && '' !== $content ) {
		do_shortcode( $content ); // Collects the sources; any other text between the tags is not shown.
	}
	$sources                               = $GLOBALS['feedcal_collecting_sources'];
	$GLOBALS['feedcal_collecting_sources'] = $outer;
	return feedcal_render_list( feedcal_shortcode_attributes( $atts ), $sources, 'shortcode' );
}

/**
 * [feedcal_source …]: collected by the enclosing [feedcal]; alone it shows nothing (a note for admins).
 *
 * @param array|string $atts The attributes.
 * @return string
 */
function feedcal_source_shortcode( $atts ) {
	if ( ! is_array( $GLOBALS['feedcal_collecting_sources'] ) ) {
		return feedcal_admin_notes( array( __( '[feedcal_source] works only inside [feedcal]…[/feedcal].', 'feedcal' ) ) );
	}
	$GLOBALS['feedcal_collecting_sources'][] = feedcal_shortcode_attributes( $atts );
	return '';
}

/**
 * The attributes as the element names them. WordPress lower-cases names and gives a value-less
 * word (`[feedcal sync-url]`) a numeric key: such a word is an on/off attribute set on.
 *
 * @param array|string $atts The attributes WordPress parsed.
 * @return array
 */
function feedcal_shortcode_attributes( $atts ) {
	$out = array();
	foreach ( is_array( $atts ) ? $atts : array() as $name => $value ) {
		if ( is_int( $name ) ) {
			$word = strtolower( trim( (string) $value ) );
			if ( preg_match( '/^[a-z][a-z0-9-]*$/', $word ) ) {
				$out[ $word ] = true;
			}
			continue;
		}
		$out[ strtolower( $name ) ] = $value;
	}
	return $out;
}
