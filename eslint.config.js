// ESLint flat config: ESLint's and typescript-eslint's recommended rules, the latter with type
// information (recommendedTypeChecked), and eslint-config-prettier last so that formatting is
// Prettier's alone. `npm run lint`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.deploy/', 'coverage/', 'outbox/', '.data/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A port's implementation is `async` to turn a synchronous throw into a rejection, await or not.
      '@typescript-eslint/require-await': 'off',
      // Mail headers, file names and store keys are stripped of control characters on purpose.
      'no-control-regex': 'off',
      // `_name`: deliberately unused (a handler's unused context, a value destructured away).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read untyped JSON and use vitest's asymmetric matchers (expect.any, objectContaining: `any`).
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      'preserve-caught-error': 'off',
    },
  },
  // Plain JavaScript (this file, the build scripts that run before any compilation): no type information.
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  prettier,
);
