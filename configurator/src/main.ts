// The configurator page's entry (index.html loads the bundle that configurator/build.mjs makes of it).
import {FeedcalConfiguratorElement} from './feedcal-configurator.js';

if (!customElements.get('feedcal-configurator')) customElements.define('feedcal-configurator', FeedcalConfiguratorElement);
