// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's strict, type-checked rules over every TypeScript file the project compiles.
 * Prettier owns formatting (eslint-config-prettier turns the stylistic rules off).
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'reports/', 'test/generated/', '*.config.js', '*.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Template literals with numbers are how messages name limits ("at most 100 ids").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // type-graphql's decorators need classes whose only members are decorated fields or static factories.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // `_name` marks a binding kept on purpose (a rest sibling that drops a key, an unused callback parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          ignoreRestSiblings: true,
          caughtErrors: 'all',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // A package's `dist/` is its private layout; import what it exports.
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['*/dist/*', '@*/*/dist/*'], message: 'Import from the package entry, not its dist/.' }] },
      ],
    },
  },
  {
    // Layering (DESIGN.md): below `resolvers/` nothing knows GraphQL.
    files: ['datasources/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['graphql', 'type-graphql', 'graphql-tag', '@apollo/server', '@apollo/subgraph'],
          patterns: [
            { group: ['*/dist/*', '@*/*/dist/*'], message: 'Import from the package entry, not its dist/.' },
            {
              group: ['**/resolvers/**', '**/src/graphql/**', '**/src/vendors/**'],
              message: 'datasources/ knows no GraphQL and no vendor module.',
            },
          ],
        },
      ],
    },
  },
  {
    // Vendors are registered, not named: outside src/vendors and src/sandbox, src/ reaches a vendor through the registry.
    files: ['src/**/*.ts'],
    ignores: ['src/vendors/**', 'src/sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['*/dist/*', '@*/*/dist/*'], message: 'Import from the package entry, not its dist/.' },
            {
              group: ['**/datasources/*/**', '!**/datasources/http/**', '**/resolvers/*/**', '!**/resolvers/shared/**'],
              message: 'Reach a vendor through src/vendors/registry.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The event contract (src/events/agreement-event.ts) is the union of each vendor's change event, typed
    // by the vendor-neutral enums of the datasources' `model.ts` (FlowStatus, DocumentStatus); the event
    // code may name those models, never a vendor's client, wire format or resolvers.
    files: ['src/events/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['*/dist/*', '@*/*/dist/*'], message: 'Import from the package entry, not its dist/.' },
            {
              group: [
                '**/datasources/*/**',
                '!**/datasources/http/**',
                '!**/datasources/*/model',
                '**/resolvers/*/**',
                '!**/resolvers/shared/**',
              ],
              message: 'Events name vendor models only; reach a vendor through src/vendors/registry.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain CommonJS scripts that run before `npm ci` (so they cannot be TypeScript): no type information.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
