/**
 * The "Events (feedcal)" block in the editor: plain JavaScript over WordPress's wp.* globals, so
 * the plugin needs no build step. The block saves nothing but its attributes (save returns
 * null); the page is rendered on the server (includes/block.php), and the editor shows that same
 * rendering through ServerSideRender, with the real widget (loaded in the editor) drawing the events.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var PanelBody = wp.components.PanelBody;
  var TextControl = wp.components.TextControl;
  var TextareaControl = wp.components.TextareaControl;
  var SelectControl = wp.components.SelectControl;
  var CheckboxControl = wp.components.CheckboxControl;
  var Notice = wp.components.Notice;
  var Placeholder = wp.components.Placeholder;
  var ServerSideRender = wp.serverSideRender;

  // What the element takes, from the plugin (generated from custom-elements.json at pack time).
  var element = window.feedcalElement || {attributes: {}, allowed: null, settings: ''};
  var has = function (name) {
    return Object.prototype.hasOwnProperty.call(element.attributes, name);
  };
  var words = function (name, fallback) {
    var table = element.attributes[name];
    return table && table.words && table.words.length ? table.words : fallback;
  };
  var options = function (name, fallback, defaultLabel) {
    return [{label: defaultLabel, value: ''}].concat(
      words(name, fallback).map(function (word) {
        return {label: word, value: word};
      })
    );
  };
  var CONTROLS = ['search', 'categories', 'locations', 'organizers', 'dates', 'view'];

  function isAllowed(feed) {
    if (!element.allowed) return true; // not an admin: the admin note on the page covers it
    return element.allowed.some(function (entry) {
      var prefix = /[/*]$/.test(entry) && entry.indexOf('?') < 0;
      var rule = entry.replace(/\*$/, '');
      return prefix ? feed.indexOf(rule) === 0 : feed === rule;
    });
  }

  function Edit(props) {
    var a = props.attributes;
    var set = function (key) {
      return function (value) {
        var change = {};
        change[key] = value;
        props.setAttributes(change);
      };
    };
    var feeds = a.src.split(/\s+/).filter(Boolean);
    var shown = a.controls.split(/[\s,]+/).filter(Boolean);
    var toggle = function (word) {
      return function (on) {
        var next = CONTROLS.filter(function (c) {
          return c === word ? on : shown.indexOf(c) >= 0;
        });
        props.setAttributes({controls: next.join(' ')});
      };
    };
    var notAllowed = feeds.filter(function (feed) {
      return /^https?:\/\//.test(feed) && feed.indexOf(window.location.origin) !== 0 && !isAllowed(feed);
    });

    var sidebar = el(
      InspectorControls,
      {key: 'sidebar'},
      el(
        PanelBody,
        {title: __('Feed', 'feedcal'), initialOpen: true},
        el(TextareaControl, {
          label: __('Feed address(es)', 'feedcal'),
          help: __('One a line: an iCalendar (.ics), RSS, Atom or JSON feed.', 'feedcal'),
          value: a.src,
          onChange: set('src'),
          rows: 3,
        }),
        notAllowed.length
          ? el(
              Notice,
              {status: 'warning', isDismissible: false},
              __("Not on the relay's allow list: if this calendar does not show (Google Calendar, Nextcloud), allow it in Settings > feedcal.", 'feedcal'),
              ' ',
              el('a', {href: element.settings + '&add=' + encodeURIComponent(notAllowed[0]), target: '_blank', rel: 'noopener'}, __('Allow it', 'feedcal'))
            )
          : null,
        el(TextControl, {
          label: __('Link for visitors without JavaScript', 'feedcal'),
          help: __("Default: the calendar's own page.", 'feedcal'),
          value: a.link,
          onChange: set('link'),
          type: 'url',
        }),
        el(TextControl, {label: __('Link text', 'feedcal'), value: a.linkText, onChange: set('linkText'), placeholder: __('See all events', 'feedcal')})
      ),
      el(
        PanelBody,
        {title: __('Display', 'feedcal'), initialOpen: true},
        el(SelectControl, {
          label: __('View', 'feedcal'),
          value: a.view,
          options: options('view', ['list', 'month'], __('List (default)', 'feedcal')),
          onChange: set('view'),
        }),
        el(SelectControl, {
          label: __('Which events', 'feedcal'),
          value: a.when,
          options: [
            {label: __('Upcoming (default)', 'feedcal'), value: ''},
            {label: __('Past', 'feedcal'), value: 'past'},
            {label: __('All', 'feedcal'), value: 'all'},
          ],
          onChange: set('when'),
        }),
        el(TextControl, {label: __('Show at most', 'feedcal'), type: 'number', min: 1, value: a.limit, onChange: set('limit')}),
        has('density')
          ? el(SelectControl, {
              label: __('Density', 'feedcal'),
              value: a.density,
              options: options('density', ['comfortable', 'compact'], __('Default', 'feedcal')),
              onChange: set('density'),
            })
          : null,
        el(SelectControl, {
          label: __('Theme', 'feedcal'),
          value: a.theme,
          options: options('theme', ['light', 'dark', 'auto'], __("Your theme's colours (default)", 'feedcal')),
          onChange: set('theme'),
        })
      ),
      el(
        PanelBody,
        {title: __('Filters', 'feedcal'), initialOpen: false},
        el(TextControl, {
          label: __('Categories', 'feedcal'),
          help: __('Comma-separated; keeps events in any of them.', 'feedcal'),
          value: a.categories,
          onChange: set('categories'),
        }),
        el(TextControl, {label: __('Places', 'feedcal'), value: a.locations, onChange: set('locations')}),
        el(TextControl, {label: __('Organisers', 'feedcal'), value: a.organizers, onChange: set('organizers')}),
        el(TextControl, {label: __('Search words', 'feedcal'), value: a.search, onChange: set('search')}),
        el(TextControl, {label: __('From', 'feedcal'), help: __('A date (2026-12-24), today, or +3 months.', 'feedcal'), value: a.from, onChange: set('from')}),
        el(TextControl, {label: __('To', 'feedcal'), value: a.to, onChange: set('to')})
      ),
      el(
        PanelBody,
        {title: __("Visitors' controls", 'feedcal'), initialOpen: false},
        CONTROLS.map(function (word) {
          return el(CheckboxControl, {key: word, label: word, checked: shown.indexOf(word) >= 0, onChange: toggle(word)});
        })
      ),
      el(
        PanelBody,
        {title: __('Language and time zone', 'feedcal'), initialOpen: false},
        el(TextControl, {label: __('Language', 'feedcal'), help: __("e.g. sv, de, en-GB. Default: the page's.", 'feedcal'), value: a.lang, onChange: set('lang')}),
        el(TextControl, {
          label: __('Time zone', 'feedcal'),
          help: __("e.g. Europe/Stockholm. Default: the site's (Settings > General).", 'feedcal'),
          value: a.timeZone,
          onChange: set('timeZone'),
        })
      )
    );

    var body = feeds.length
      ? el(ServerSideRender, {block: 'feedcal/events', attributes: a})
      : el(
          Placeholder,
          {
            icon: 'calendar-alt',
            label: __('Events (feedcal)', 'feedcal'),
            instructions: __("Paste your calendar's feed address in the sidebar (Feed address).", 'feedcal'),
          },
          el(TextControl, {label: __('Feed address', 'feedcal'), value: a.src, onChange: set('src'), type: 'url', placeholder: 'https://…/basic.ics'})
        );
    return el('div', useBlockProps(), [sidebar, el('div', {key: 'body'}, body)]);
  }

  wp.blocks.registerBlockType('feedcal/events', {
    edit: Edit,
    save: function () {
      return null;
    },
  });
})(window.wp);
