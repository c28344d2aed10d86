<?php
/**
 * The "Events (feedcal)" block: rendered on the server by the same code as the shortcode, so the
 * saved post holds only the block's comment and attributes (no script, no element).
 *
 * @package feedcal
 */

defined( 'ABSPATH' ) || exit;

/** Registers the block from blocks/feedcal/block.json. */
function feedcal_register_block() {
	register_block_type(
		FEEDCAL_DIR . '/blocks/feedcal',
		array( 'render_callback' => 'feedcal_render_block' )
	);
	// The editor shows the real widget in its preview, and its controls follow the element's own
	// attribute list (the "density" control appears once the element has that attribute).
	add_action( 'enqueue_block_editor_assets', 'feedcal_block_editor_assets' );
}

/** Loads the widget in the editor (for the preview) and tells the editor script what the element takes. */
function feedcal_block_editor_assets() {
	wp_enqueue_script( 'feedcal' );
	$table = feedcal_element_attribute_table();
	wp_add_inline_script(
		'feedcal-events-editor-script',
		'window.feedcalElement = ' . wp_json_encode(
			array(
				'attributes' => $table['event-list'],
				'allowed'    => current_user_can( 'manage_options' ) ? feedcal_allow_entries() : null,
				'settings'   => admin_url( 'options-general.php?page=feedcal' ),
			)
		) . ';',
		'before'
	);
}

/**
 * Renders the block.
 *
 * @param array $attributes The block's attributes (camelCase, as in block.json).
 * @return string
 */
function feedcal_render_block( $attributes ) {
	$names = array(
		'src'        => 'src',
		'view'       => 'view',
		'when'       => 'when',
		'limit'      => 'limit',
		'groupBy'    => 'group-by',
		'categories' => 'categories',
		'locations'  => 'locations',
		'organizers' => 'organizers',
		'search'     => 'search',
		'from'       => 'from',
		'to'         => 'to',
		'lang'       => 'lang',
		'timeZone'   => 'time-zone',
		'controls'   => 'controls',
		'density'    => 'density',
		'theme'      => 'theme',
		'link'       => 'link',
		'linkText'   => 'link-text',
	);
	$known = feedcal_element_attributes( 'event-list' );
	$atts  = array();
	foreach ( $names as $key => $name ) {
		if ( ! isset( $attributes[ $key ] ) || ! is_string( $attributes[ $key ] ) || '' === trim( $attributes[ $key ] ) ) {
			continue;
		}
		if ( 'density' === $name && ! isset( $known['density'] ) ) {
			continue; // An element without density yet: the control is hidden, a saved value is kept for later.
		}
		$atts[ $name ] = $attributes[ $key ];
	}
	// The feed addresses come one a line from the sidebar; the element wants them separated by spaces.
	if ( isset( $atts['src'] ) ) {
		$atts['src'] = implode( ' ', preg_split( '/\s+/', trim( $atts['src'] ) ) );
	}
	return '<div ' . get_block_wrapper_attributes() . '>' . feedcal_render_list( $atts, array(), 'block' ) . '</div>';
}
