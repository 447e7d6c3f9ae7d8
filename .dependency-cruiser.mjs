// The import graph of src/, checked by `npm run lint` (and test/structure/imports.test.ts): no
// cycles between files or folders, type-only and dynamic imports included, and the folders depend
// in one direction (README, "Architecture"). Lowest first:
//   kernels, text, io          hot code and text primitives with no domain knowledge
//   metrics, profile, drift    definitions: what a metric, a profile, a drift test is
//   config, contract           what the user asked for
//   documents                  the result documents' types and readers
//   evaluation                 the engine: a predictions file into accumulators
//   gates, canary, monitor,    judging (a pull request's models, a canary release, production logs
//   report                     by window) and telling
//   steps, github, cli, actions   the shells: steps run them, the others are entry points
// Files directly under src/ (errors.ts, suggest.ts, version.ts) are leaves anyone may import.

/** A folder of src/ that may import only itself, the leaves directly under src/ and `allowed`. */
function layer(folder, allowed, comment, { leaves = true } = {}) {
  const ok = [`^src/(${[folder, ...allowed].join('|')})/`]
  if (leaves) ok.push('^src/[^/]+[.]ts$')
  return {
    name: `${folder}-imports`,
    comment,
    severity: 'error',
    from: { path: `^src/${folder}/` },
    to: { path: '^src/', pathNot: ok }
  }
}

const DEFINITIONS = ['kernels', 'text', 'io']

export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A file cycle (type-only and dynamic imports count): costly to read and to change.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'resolvable',
      comment: 'An import the check cannot resolve is an edge it cannot see.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' }
    },
    {
      name: 'no-folder-circular',
      comment: 'Folders depend in one direction: a cycle between folders, through any files.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true }
    },
    layer('kernels', [], 'Kernels know no domain: they import no other folder, not even the leaves.', {
      leaves: false
    }),
    layer('text', [], 'Text primitives for people (numbers, markdown escaping) know no domain.', {
      leaves: false
    }),
    layer('io', ['kernels', 'text'], 'Reading tables knows nothing of metrics, contracts or gates.'),
    layer('metrics', DEFINITIONS, 'Metric definitions: no engine (src/evaluation), config or documents.'),
    layer('profile', DEFINITIONS, 'Profiles are definitions like metrics.'),
    layer('drift', [...DEFINITIONS, 'profile'], 'Drift tests are definitions over profiles.'),
    layer(
      'config',
      [...DEFINITIONS, 'metrics', 'profile', 'drift'],
      'The config names metrics, segments and drift methods, nothing above.'
    ),
    layer(
      'contract',
      [...DEFINITIONS, 'metrics', 'profile', 'drift', 'config'],
      'Contracts: below documents.'
    ),
    layer(
      'documents',
      [...DEFINITIONS, 'metrics', 'profile', 'drift', 'config', 'contract'],
      'Result documents are types and readers: no engine, gates or report.'
    ),
    layer(
      'evaluation',
      [...DEFINITIONS, 'metrics', 'config', 'contract', 'documents'],
      'The engine builds accumulators from definitions; it knows no gates or report.'
    ),
    layer(
      'gates',
      [...DEFINITIONS, 'metrics', 'profile', 'drift', 'config', 'contract', 'documents', 'evaluation'],
      'Gates read documents and pair models; they know no report.'
    ),
    layer(
      'canary',
      [
        ...DEFINITIONS,
        'metrics',
        'profile',
        'drift',
        'config',
        'contract',
        'documents',
        'evaluation',
        'gates'
      ],
      'A canary is judged with the gates, on logs the engine evaluates; it knows no report.'
    ),
    layer(
      'monitor',
      [...DEFINITIONS, 'metrics', 'profile', 'drift', 'config', 'contract', 'documents', 'gates'],
      "The monitor judges logs by window with the gates' rules and the drift tests; it knows no report."
    ),
    layer(
      'report',
      [
        ...DEFINITIONS,
        'metrics',
        'profile',
        'drift',
        'config',
        'contract',
        'documents',
        'gates',
        'canary',
        'monitor'
      ],
      'The report renders documents: it imports no engine module (src/evaluation).'
    ),
    {
      name: 'shells-on-top',
      comment: 'The steps, the CLI, the actions and GitHub are shells: the core never imports them.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|actions|github|steps)/' },
      to: { path: '^src/(cli|actions|github|steps)/' }
    }
  ],
  options: {
    // Type-only imports count: a cycle closed by one is still a cycle to read.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    doNotFollow: { path: 'node_modules' }
  }
}
