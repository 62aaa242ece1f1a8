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

function fenceExcept(allowed, below = []) {
  return {
    paths: YJS_FENCE.paths.filter((entry) => !allowed.includes(entry.name)),
    patterns: [
      ...YJS_FENCE.patterns.filter((entry) => !allowed.some((name) => entry.group.includes(name))),
      ...below,
    ],
  }
}

/** An import of one of these folders of src/, from anywhere below src/. */
function folders(names, message) {
  return { regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message }
}

/**
 * Imports run one way between the folders of src/: app composes features; features use the
 * store, routing, i18n, the map and features/shared; the store uses the map, sync and routing;
 * the map imports nothing of the app. So no two folders import each other.
 */
const LAYERS = {
  map: folders(
    ['store', 'sync', 'features', 'app', 'routing', 'i18n'],
    'src/map/ imports nothing of the app.',
  ),
  sync: folders(['store', 'features', 'app', 'routing'], 'src/sync/ is below the store.'),
  routing: folders(['store', 'features', 'app', 'sync'], 'src/routing/ is below the store.'),
  store: folders(['features', 'app'], 'The store never imports features or app/.'),
  features: folders(['app'], 'Features do not import app/, which composes them.'),
  shared: {
    regex: '^\\.\\./[^./]',
    message: 'features/shared/ is used by features and imports none of them.',
  },
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
    rules: { 'no-restricted-imports': ['error', fenceExcept(['yjs'], [LAYERS.map])] },
  },
  {
    files: ['src/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        fenceExcept(
          ['y-websocket', 'y-indexeddb', 'y-protocols', '**/map/providerDoc'],
          [LAYERS.sync],
        ),
      ],
    },
  },
  {
    files: ['src/routing/**/*.{ts,tsx}'],
    ignores: ['src/routing/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', fenceExcept([], [LAYERS.routing])] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', fenceExcept([], [LAYERS.store])] },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', fenceExcept([], [LAYERS.features])],
      // Features read the sync layer's types; what it does, they ask the store for.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...folders(['sync'], 'Features use the store, not the sync layer.'),
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', fenceExcept([], [LAYERS.features, LAYERS.shared])],
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
