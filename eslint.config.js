// One lint for the whole tree, zero warnings allowed (npm run lint uses --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-output/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: [
      'src-main/**',
      'tools/**',
      'src-preload/**',
      'scripts/**',
      'test/**',
      'bin/**',
      '*.config.*',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      // Prettier owns formatting; these vue layout rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    // Tests assert shapes right after checking them; a `!` there reads better than a guard.
    files: ['test/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The main bundle is ESM, and electron-vite's build adds a module-level `const require`
    // (and __filename, __dirname) to every chunk whose text uses require(…) or those names. A
    // module that declares one of them itself then fails to load ("Identifier 'require' has
    // already been declared"): name it otherwise, e.g. `const nodeRequire = createRequire(…)`.
    files: ['src-main/**', 'tools/**', 'src-shared/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(VariableDeclarator, FunctionDeclaration, ClassDeclaration) > Identifier.id:matches([name="require"], [name="__filename"], [name="__dirname"]), ImportDeclaration > * > Identifier.local:matches([name="require"], [name="__filename"], [name="__dirname"])',
          message:
            "electron-vite's build declares require, __filename and __dirname in the bundle's chunks: use another name (e.g. nodeRequire = createRequire(import.meta.url)).",
        },
      ],
    },
  },
  {
    // Process boundaries: the renderer never reaches Node or Electron; the shared contract
    // stays free of both so that every side can import it.
    files: ['src-renderer/**', 'src-shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', 'fs', 'path', 'child_process', 'worker_threads'],
              message: 'The renderer and the shared contract must not import Node or Electron.',
            },
            {
              group: ['**/src-main/**', '**/src-preload/**'],
              message: 'Cross the bridge through the typed client instead.',
            },
            {
              group: ['**/tools/**'],
              message:
                'tools/ (CLI, training, evaluation) sit above the product: move the code down.',
            },
          ],
        },
      ],
    },
  },
  {
    // tools/ sit on top of the layers (docs/architecture.md): they may import src-main and
    // src-shared, and the product never imports them (npm run check:layers checks it too).
    files: ['src-main/**', 'src-preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tools/**'],
              message:
                'tools/ (CLI, training, evaluation) sit above the product: move the code down.',
            },
          ],
        },
      ],
    },
  },
);
