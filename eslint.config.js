import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'build/', 'bench/out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'performance',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'structuredClone',
          'TextDecoder',
          'TextEncoder',
          'AbortController',
          'queueMicrotask'
        ].map((name) => [name, 'readonly'])
      )
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core must stay free of GitHub: only src/github and src/actions may import it.
      'no-restricted-imports': ['error', { patterns: ['@actions/*', '@octokit/*'] }]
    }
  },
  {
    files: ['src/**'],
    rules: {
      // Arguments are spread onto the stack: an array the size of the data (140,000 gates, a
      // file's rows) overflows it. Loop, reduce or concat instead.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(max|min|push|unshift|fromCharCode|fromCodePoint|hypot)$/] > SpreadElement',
          message: 'spreading an array into arguments overflows the stack on data-sized arrays'
        }
      ]
    }
  },
  { files: ['src/github/**', 'src/actions/**', 'test/**'], rules: { 'no-restricted-imports': 'off' } },
  {
    // The CLI and the actions are shells over src/steps/: neither imports the other, and the steps
    // import neither (nor GitHub).
    files: ['src/actions/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/cli/*'] }] }
  },
  {
    files: ['src/steps/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@actions/*', '@octokit/*', '**/cli/*', '**/actions/*', '**/github/*'] }
      ]
    }
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@actions/*', '@octokit/*', '**/actions/*', '**/github/*'] }
      ]
    }
  },
  prettier
)
