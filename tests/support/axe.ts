/**
 * axe-core, the accessibility engine behind Lighthouse and most audit tools,
 * run inside a real page against the WCAG 2.1 A and AA rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe's tags for WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_21_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One failed rule, with the elements that fail it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the failing elements, with axe's summary of why. */
  nodes: { target: string; summary: string }[];
}

/** The shape `axe.run` resolves to, reduced to what we read. */
interface AxeRunResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core on the page as it is now and returns the WCAG 2.1 A/AA
 * violations (an empty array when it passes).
 *
 * @example
 * const violations = await runAxe(visit.page);
 * expect(violations).toEqual([]);
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // `evaluate` runs the source over CDP, so a strict Content-Security-Policy
  // on the page cannot block it the way it would block an injected <script>.
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<AxeRunResult> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    [...WCAG_21_AA_TAGS],
  );
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(' '),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
}

/** One line per failing element, for assertion messages a person can act on. */
export function formatViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${where}: ${violation.id} (${violation.impact}) ${node.target}: ${node.summary}`),
  );
}
