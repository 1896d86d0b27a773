// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const electronOnly = {
  name: 'electron',
  message: "Only electron/platform/, electron/main.ts and electron/preload.ts may import 'electron' (it throws in plain Node).",
};
const electronStoreOnly = {
  name: 'electron-store',
  message: 'electron-store imports electron; use the store port (conf adapter) outside electron/platform/.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'tests/**/*.ts', 'scripts/**', 'bench/**', 'bin/**'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/platform/**', 'electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly, electronStoreOnly] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, electronStoreOnly],
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto'], message: 'shared/ is pure: no I/O, no Node modules.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing of electron/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnly, electronStoreOnly],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: talk to main through window.api.' },
            { group: ['**/electron/**'], message: 'The renderer imports only shared/, never electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/platform/**/*.ts', 'electron/main.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Only electron/preload.ts touches ipcRenderer.' },
      ],
    },
  },
);
