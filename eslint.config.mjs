// ESLint for src/ and test/ (npm run lint): the recommended rules of ESLint, typescript-eslint,
// eslint-plugin-lit (templates) and eslint-plugin-wc (custom elements). Formatting is Prettier's
// job (.prettierrc.json), so there are no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'custom-elements.json', 'test/fixtures/']},
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    files: ['**/*.ts'],
    languageOptions: {globals: globals.browser},
    rules: {
      // Feed text is hostile input: patterns that find or strip control characters are the point.
      'no-control-regex': 'off',
      // `const {end: _, ...rest} = event` is how a property is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true}],
    },
  },
  {
    // Half an emoji in feed text makes these throw: src/lib/uri.ts has the one safe way.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        {name: 'encodeURIComponent', message: 'Use encodeUriPart (src/lib/uri.ts): it never throws on a lone surrogate.'},
        {name: 'encodeURI', message: 'Use encodeUriPart (src/lib/uri.ts): it never throws on a lone surrogate.'},
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // The test server and the configs run in Node.
    files: ['**/*.mjs'],
    languageOptions: {globals: globals.node},
  }
);
