import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Packages that only their own wrapper folder may import (the fence around the Yjs document). */
const YJS_FENCE = {
  paths: [
    {
      name: 'yjs',
      message: 'Only src/map/ touches the Yjs document; use its operations and view.',
    },
    { name: 'y-websocket', message: 'Only src/sync/ talks to the server.' },
    { name: 'y-indexeddb', message: 'Only src/sync/ keeps the offline cache.' },
  ],
  patterns: [
    { group: ['y-protocols', 'y-protocols/*'], message: 'Only src/sync/ handles presence.' },
    {
      group: ['**/map/providerDoc'],
      message: 'Only src/sync/ hands the Yjs document to its providers; use the map operations.',
    },
  ],
}

function fenceExcept(allowed) {
  return {
    paths: YJS_FENCE.paths.filter((entry) => !allowed.includes(entry.name)),
    patterns: YJS_FENCE.patterns.filter(
      (entry) => !allowed.some((name) => entry.group.includes(name)),
    ),
  }
}

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'coverage/', '*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', YJS_FENCE],
    },
  },
  {
    files: ['src/map/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', fenceExcept(['yjs'])] },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        fenceExcept(['y-websocket', 'y-indexeddb', 'y-protocols', '**/map/providerDoc']),
      ],
    },
  },
  {
    // Compiled into both client and server: plain values and validators, nothing else.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message:
                'shared/ imports only its own modules: no Yjs, React, DOM, client or server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sw/**/*.js'],
    languageOptions: { globals: { ...globals.serviceworker }, sourceType: 'script' },
  },
  {
    files: ['bench/**/*.{js,mjs}', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
)
