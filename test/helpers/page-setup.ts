// Runs on every test page before its test file (web-test-runner.config.mjs, testRunnerHtml).
import {setClock} from '../../src/lib/clock.js';
import {TEST_NOW} from './clock.js';

setClock(TEST_NOW);
