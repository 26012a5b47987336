/**
 * The Nu HTML Checker (the W3C validator's engine, npm `vnu-jar`) run with
 * the system `java`. All files go to one JVM: starting Java costs seconds,
 * checking a page costs milliseconds.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** vnu-jar's install script (which would fetch a Java runtime) is disabled; its jar is all we need. */
export const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

export interface NuMessage {
  /** Absolute path of the checked file. */
  file: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  column: number | null;
  extract: string | null;
}

interface VnuJsonMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

/**
 * Turns vnu's `--format json` report into one message per finding.
 * `non-document-error` (an unreadable file) and `fatal` count as errors.
 *
 * @example
 * parseVnuReport('{"messages":[{"type":"error","url":"file:/x/a.html","lastLine":3,"message":"Stray end tag “p”."}]}');
 * // → [{ file: '/x/a.html', severity: 'error', line: 3, message: 'Stray end tag “p”.', … }]
 */
export function parseVnuReport(json: string): NuMessage[] {
  const report = JSON.parse(json) as { messages: VnuJsonMessage[] };
  return report.messages.map((message) => ({
    file: message.url?.startsWith('file:') ? fileURLToPath(message.url) : (message.url ?? ''),
    severity:
      message.type === 'info' ? (message.subType === 'warning' ? 'warning' : 'info') : 'error',
    message: message.message,
    line: message.lastLine ?? null,
    column: message.firstColumn ?? null,
    extract: message.extract ?? null,
  }));
}

/**
 * Validates HTML files in one `java -jar vnu.jar` process.
 * Throws (with vnu's own output) when Java is missing or vnu cannot run.
 *
 * @example
 * const messages = await checkHtmlFiles(['_site/index.html', '_site/404.html']);
 * const errors = messages.filter((m) => m.severity === 'error');
 */
export async function checkHtmlFiles(files: readonly string[]): Promise<NuMessage[]> {
  if (files.length === 0) return [];
  const args = ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...files];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
    (done, fail) => {
      const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.once('error', (error) =>
        fail(new Error('the Nu HTML checker needs `java` on PATH (Debian: default-jre-headless)', { cause: error })),
      );
      child.once('close', (exitCode) => done({ code: exitCode, stdout: out, stderr: err }));
    },
  );
  if (code !== 0 || !stdout.trim().startsWith('{')) {
    throw new Error(`vnu.jar exited with ${code}: ${(stderr || stdout).trim().slice(0, 2000)}`);
  }
  return parseVnuReport(stdout);
}

/** `file:line:column: error: message`, like a compiler, for assertion output. */
export function formatNuMessage(message: NuMessage, relativeTo = ''): string {
  const file = relativeTo && message.file.startsWith(relativeTo) ? message.file.slice(relativeTo.length + 1) : message.file;
  return `${file}:${message.line ?? 0}:${message.column ?? 0}: ${message.severity}: ${message.message}`;
}
