// The import rules of the layers (docs/architecture.md). `npm test` runs `npm run lint:imports`,
// which fails on any break of them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing',
      comment: 'src/domain/ holds the words every layer shares: it imports only itself (no layer, no package, no Node module).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' }
    },
    {
      name: 'extract-imports-only-extract-and-domain',
      comment: 'The pipeline is pure: of the project it sees only itself and domain (data packages and node: built-ins aside).',
      severity: 'error',
      from: { path: '^src/extract/' },
      to: { path: '^(src|tools|bench|test)/', pathNot: '^src/(extract|domain)/' }
    },
    {
      name: 'extract-through-its-door',
      comment: 'The rest of src/ uses the pipeline through src/extract/index.ts only.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/extract/' },
      to: { path: '^src/extract/', pathNot: '^src/extract/index\\.ts$' }
    },
    {
      name: 'store-knows-no-http-schemas-services',
      comment: 'Storage answers in domain types and throws domain errors; HTTP, the contract and the use cases are above it.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(http|schemas|services)/' }
    },
    {
      name: 'schemas-know-no-store-services',
      comment: 'The contract is built from domain\'s lists, not from storage or use cases.',
      severity: 'error',
      from: { path: '^src/schemas/' },
      to: { path: '^src/(store|services)/' }
    },
    {
      name: 'services-know-no-http',
      comment: 'What HTTP and the CLI both call cannot depend on HTTP.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/http/' }
    },
    {
      name: 'services-and-http-see-the-store-interface',
      comment: 'Services and routes use the Store interface (src/store/store.ts); only the entry points and app.ts choose an adapter.',
      severity: 'error',
      from: { path: '^src/(http|services)/' },
      to: { path: '^src/store/(sqlite|postgres)/' }
    },
    {
      name: 'only-store-imports-the-driver',
      comment: 'better-sqlite3 is the SQLite adapter\'s business alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/sqlite/' },
      to: { path: 'node_modules/better-sqlite3/', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'only-postgres-adapter-imports-pg',
      comment: 'pg is the PostgreSQL adapter\'s business alone.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/postgres/' },
      to: { path: 'node_modules/(pg|pg-[^/]+)/', dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'only-http-knows-fastify',
      comment: 'HTTP is the only code that knows HTTP (app.ts and server.ts wire it).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(http/|app\\.ts$|server\\.ts$)' },
      to: { path: 'node_modules/(fastify|@fastify/|fastify-)' }
    },
    {
      name: 'http-is-wired-by-app',
      comment: 'Plugins and routes are registered by app.ts (cli/openapi.ts prints the document app.ts builds); no other layer reaches into http/.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(http/|app\\.ts$|cli/)' },
      to: { path: '^src/http/' }
    },
    {
      name: 'config-is-read-by-entry-points',
      comment: 'Only server.ts and the CLIs read the environment; every other layer receives its settings as arguments.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(server\\.ts$|cli/|config\\.ts$)' },
      to: { path: '^src/config\\.ts$' }
    },
    {
      name: 'entry-points-are-imported-by-nobody',
      comment: 'server.ts and src/cli/ start processes; nothing in src/ imports them (a CLI may share cli/ helpers).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/(server\\.ts$|cli/)' }
    },
    {
      name: 'src-imports-no-tools-bench-test',
      comment: 'Research tools, the benchmark harness and tests are outside the service: dist/ holds none of them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tools|bench|test)/' }
    },
    {
      name: 'src-uses-no-dev-dependencies',
      comment: 'dist/ runs after `npm prune --omit=dev`: the service needs its production dependencies only.',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] }
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, anywhere.',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a file moved without its importers fails here, before it fails at run time).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules|api\\.generated\\.ts$' },
    exclude: { path: '^(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts']
    },
    extraExtensionsToScan: []
  }
}
