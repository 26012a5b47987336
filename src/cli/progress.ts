/**
 * What `broadsheet build` shows while it works. On a terminal: one line,
 * rewritten in place, with the stage and, while rendering or indexing, the
 * work done of the plan, the rate and the time left. Elsewhere (CI logs,
 * pipes): one line as each stage starts, and nothing in between.
 */
import type { BuildProgress } from '../build/run-build.ts';

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const STAGE_NAMES: Record<BuildProgress['stage'], string> = {
  prepare: 'reading the content',
  render: 'rendering',
  search: 'indexing search',
  finish: 'putting the site in place',
};

/**
 * A progress reporter for `stream`; `now` is a clock in milliseconds (a
 * parameter so that tests can drive it).
 *
 * @example
 * const progress = progressReporter(process.stderr);
 * await buildSite({ …, onProgress: progress.update });
 * progress.done();
 */
export function progressReporter(stream: ProgressStream, now: () => number = () => performance.now()): { update: (p: BuildProgress) => void; done: () => void } {
  const tty = stream.isTTY === true;
  let stage: BuildProgress['stage'] | null = null;
  let stageStarted = 0;
  let lastDraw = -Infinity;
  let shown = false;
  const draw = (text: string) => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  return {
    update(progress) {
      const time = now();
      if (progress.stage !== stage) {
        stage = progress.stage;
        stageStarted = time;
        lastDraw = -Infinity;
        if (!tty) {
          const count = 'total' in progress ? ` ${progress.total.toLocaleString('en-US')} ${progress.stage === 'render' ? 'pages and feeds' : progress.total === 1 ? 'bundle' : 'bundles'}` : '';
          stream.write(`broadsheet build: ${STAGE_NAMES[progress.stage]}${count}\n`);
        }
      }
      if (!tty) return;
      const finished = 'total' in progress && progress.done === progress.total;
      // At most ten redraws a second: a 50,000-page build must not spend its time printing.
      if (time - lastDraw < 100 && !finished) return;
      lastDraw = time;
      if (!('total' in progress)) return draw(`broadsheet build: ${STAGE_NAMES[progress.stage]}…`);
      const seconds = (time - stageStarted) / 1000;
      const rate = seconds > 0 ? progress.done / seconds : 0;
      const left = rate > 0 ? (progress.total - progress.done) / rate : null;
      const unit = progress.stage === 'render' ? 'pages' : 'bundles';
      const parts = [`${progress.done.toLocaleString('en-US')}/${progress.total.toLocaleString('en-US')} ${unit}`];
      if (progress.done > 0 && seconds >= 0.5) parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)} ${unit}/s`, left === null ? '' : `${Math.ceil(left)} s left`);
      draw(`broadsheet build: ${STAGE_NAMES[progress.stage]} ${parts.filter(Boolean).join(', ')}`);
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}
