// Tools from outside npm that some tests need. A missing one fails the test that needs it with
// a message naming the package to install: a check that quietly does not run is a defect.
import { execFileSync } from 'node:child_process';

const INSTALL: Record<string, string> = {
  pdftotext: 'poppler-utils (apt-get install poppler-utils; .ci/run installs it)',
};

/** Throws, naming the package to install, unless `command` runs on this machine. */
export function requireCommand(command: keyof typeof INSTALL & string): void {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is missing: this test reads a generated file with it. Install ${INSTALL[command]}.`);
  }
}
