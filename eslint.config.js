// One linter for the whole tree: ESLint's and typescript-eslint's recommended rules (syntax-level, no
// type information: fast enough to run on every `npm test`). Formatting is prettier's job, not this.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The journal's tables (lib/db/db.ts JournalDb), as an esquery regex. */
const JOURNAL_TABLES =
  '/^(shipments|voidNumbers|trackingEvents|jobs|jobTargets|orderRows|stateCounts|archive|syncRuns|audit|pendingWrites|kv|transaction)$/';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/screenshots/**', 'tests/demo/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // the extension's contexts and node (tests, scripts) share the tree
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // the journal behind its repository: outside lib/db no code touches a Dexie table or Dexie itself
    // (every query lives in lib/db/repo, where its indexes and what putShipment keeps are known)
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Use the repositories in lib/db/repo.' }] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression[object.name='db'][property.name=${JOURNAL_TABLES}], MemberExpression[object.property.name='db'][property.name=${JOURNAL_TABLES}]`,
          message: 'Journal tables are read and written only in lib/db/repo.',
        },
        {
          selector:
            "CallExpression[callee.property.name='table'][callee.object.property.name='db'], CallExpression[callee.property.name='table'][callee.object.name='db']",
          message: 'Journal tables are read and written only in lib/db/repo.',
        },
      ],
    },
  },
  {
    // tests reach into chrome.* and IndexedDB of the browser under test, which have no types there
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
