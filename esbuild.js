// Bundles the extension into dist/, and (with --tests) the tests and scripts into out/.
// Usage: node esbuild.js [--production] [--watch] [--tests]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // Desktop VS Code 1.138's extension host runs Node 22 (package.json engines.node); code-server runs it on 24.
  target: 'node22',
  logLevel: 'warning',
};

function filesIn(dir, suffix) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => path.join(dir, f));
}

/** In the extension's bundle, formatNumber.ts's require('./phoneLibrary') stays a require of dist/phoneLibrary.js. */
const phoneLibraryApart = {
  name: 'phone-library-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/phoneLibrary$/ }, (args) =>
      args.importer.endsWith(path.join('numbers', 'formatNumber.ts')) ? { path: './phoneLibrary.js', external: true } : undefined,
    );
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    ...common,
    // The phone-number library is its own file, read on the first number shown, not at activation.
    entryPoints: { extension: 'src/extension.ts', phoneLibrary: 'src/numbers/phoneLibrary.ts' },
    outdir: 'dist',
    external: ['vscode'],
    plugins: [phoneLibraryApart],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
  },
];

if (tests) {
  builds.push({
    ...common,
    entryPoints: [
      ...filesIn('test/unit', '.test.ts'),
      ...filesIn('test/integration', '.ts'),
      ...filesIn('test/ui', '.ts'),
      ...filesIn('scripts', '.ts'),
    ],
    outdir: 'out',
    outbase: '.',
    // vsce (which packages the probe extension in the UI tests) loads its own dependencies at run time.
    external: ['vscode', 'mocha', 'playwright-core', '@vscode/vsce'],
    sourcemap: 'inline',
  });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    process.stderr.write('esbuild: watching for changes\n');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
