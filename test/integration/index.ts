// The VS Code suite's entry point, in the shape @vscode/test-electron and the headless runner expect.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// The headless host forwards console output without applying printf-style formats: format here.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, forbidOnly: true });
  const only = process.env.VOGENT_TEST_GREP;
  if (only) mocha.grep(only);
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      process.off('unhandledRejection', onRejection);
      if (rejections.length > 0) {
        console.error(`${rejections.length} unhandled promise rejection(s):`, ...rejections);
        reject(new Error('unhandled promise rejections during the suite'));
      } else if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
