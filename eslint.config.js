import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Pure domain code takes data and `now`: no I/O, no database, no clock (style.md).
const IO_MODULES = [
  'node:*', 'fs', 'net', 'http', 'https', 'tls', 'child_process', 'crypto',
  'postgres', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*', 'aedes', 'mqtt', 'ws',
  'hono', 'hono/*', '@hono/*', 'pino',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '**/dist/**', 'server/src/db/migrations/**', 'bench/results/**', 'firmware/esp32/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests read JSON answers loosely; the API's own types are checked where they are produced.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: IO_MODULES, message: 'domain/ is pure: no I/O imports (see style.md).' }],
      }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'domain/ takes `now` as an argument.' }],
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
);
