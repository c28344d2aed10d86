import {expect} from '@open-wc/testing';
import {isLightColour} from '../../src/lib/page-colour.js';

describe('isLightColour', () => {
  const cases: Array<[string, boolean]> = [
    ['rgb(255, 255, 255)', true],
    ['rgb(232, 234, 237)', true],
    ['rgba(240, 240, 240, 0.9)', true],
    ['rgb(170 170 170)', true],
    ['rgb(34, 34, 34)', false],
    ['rgb(0, 0, 0)', false],
    // Saturated colours by their luminance: yellow reads as light, blue as dark.
    ['rgb(255, 255, 0)', true],
    ['rgb(0, 0, 255)', false],
    ['oklch(0.93 0 0)', true],
    ['oklch(40% 0.1 250)', false],
    ['oklab(0.9 0 0)', true],
    ['lab(90 0 0)', true],
    ['lch(20% 30 40)', false],
    // Forms it does not read count as the default, dark text.
    ['color(srgb 1 1 1)', false],
    ['', false],
  ];
  for (const [colour, light] of cases) {
    it(`${colour || '(empty)'} is ${light ? 'light' : 'dark'}`, () => expect(isLightColour(colour)).to.equal(light));
  }
});
