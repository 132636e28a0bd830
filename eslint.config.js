import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const tfjs = ['@tensorflow/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', '.venv-keras/**', '.cache/**', 'node_modules/**', 'test-results/**', 'test-results-*/**', 'public/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Boundaries: arch/ is pure TypeScript; only model/, engine/ and augment/ import tfjs.
  {
    files: ['src/arch/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...tfjs, 'react', 'react-dom', '**/model/**', '**/engine/**', '**/ui/**', '**/views/**', '**/data/**', '**/augment/**'], message: 'src/arch is pure TypeScript: no tfjs, React or code outside arch/ (and the message catalogues in src/messages).' }] }],
    },
  },
  {
    files: ['src/keras/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...tfjs, 'react', 'react-dom', '**/model/**', '**/engine/**', '**/ui/**', '**/views/**'], message: 'src/keras is pure TypeScript (the Keras code generator and .keras layout): no tfjs, React or DOM.' }] }],
    },
  },
  {
    files: ['src/recipes/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...tfjs, 'react', 'react-dom', '**/model/**', '**/engine/**', '**/ui/**', '**/views/**', '**/data/**', '**/augment/**'], message: 'src/recipes is pure data: it reads src/arch only.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/views/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: tfjs, message: 'tfjs lives in the worker bundle only (src/model, src/engine).' }] }],
    },
  },
);
