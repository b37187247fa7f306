// npm run test:desktop: the same VS Code suite in desktop VS Code, on a machine that can download it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.139.1',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', root],
  });
} catch (error) {
  console.error(`The desktop suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
