import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      'coverage/**',
      'screenshots/**',
      'tools/register.js',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../libs/*', '../libs/*', '**/libs/*/*'],
              message: 'Import libraries through their public index: @cchc/<name>.',
            },
          ],
        },
      ],
    },
  },
  {
    // Machines are pure: nothing but xstate and the domain types.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'mysql2',
                'bullmq',
                'ioredis',
                '@cchc/*',
                '!@cchc/domain',
              ],
              message: 'workflows/ may depend only on xstate and @cchc/domain.',
            },
          ],
        },
      ],
    },
  },
);
