import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import { builtinModules } from 'node:module';

const noElectron = {
  paths: [
    { name: 'electron', message: 'Only src-main/shell and src-main/preload may import electron.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', noElectron],
      // Participant data must never reach a log; the CLI writes through process.stdout explicitly.
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src-main/shell/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron.paths, { name: 'react', message: 'src-shared is pure: no React.' }],
          patterns: [
            {
              group: ['node:*'],
              message: 'src-shared runs in the renderer too: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.tsx', 'src-renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // The renderer is a sandboxed page: it reaches the main process only through
      // window.waymark, so neither Node nor the main process's code may be bundled into it.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noElectron.paths,
            ...builtinModules.map((name) => ({
              name,
              message: 'The renderer has no Node: ask the main process through window.waymark.',
            })),
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer has no Node: ask the main process through window.waymark.',
            },
            {
              group: ['**/src-main', '**/src-main/**'],
              message: 'The renderer talks to the main process only through window.waymark.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', '**/*.config.ts', 'src-main/cli/**'],
    // Playwright fixtures must destructure their (empty) dependencies.
    rules: { 'no-console': 'off', 'no-empty-pattern': 'off' },
  },
);
