/**
 * Photos. Feeds carry captions but no image files; an editor may add one as
 * `content/images/<slug>.(jpg|png|webp)` or name one in an override's
 * `image:`. Each file becomes AVIF, WebP and JPEG renditions through
 * @11ty/eleventy-img, whose output names hash the source bytes, so builds
 * stay deterministic and unchanged photos are not re-encoded.
 */
import { listContentFolder, notARegularFile } from '../content-files.ts';
import { join } from 'node:path';
import type { Diagnostic, EditorialOverride, ResponsiveImage } from '../types.ts';
import { IMAGES_URL } from '../routes.ts';

const IMAGE_FILE = /^(.+)\.(?:jpe?g|png|webp)$/i;
// 240 for related-story thumbnails and small cards, 480 for cards and phones, 960 and 1600 for the article's photo on wide and dense screens.
const WIDTHS = [240, 480, 960, 1600];
const FORMATS = ['avif', 'webp', 'jpeg'] as const;

interface ImageMetadataEntry {
  url: string;
  width: number;
  height: number;
  srcset: string;
  sourceType: string;
}

/**
 * Finds each article's photo file: the override's `image`, else a file named
 * after the slug. A named file that does not exist is a warning.
 *
 * @example
 * findImageFiles(['iran.jpg'], ['iran', 'china'], new Map()).files.get('iran') // => 'iran.jpg'
 */
export function findImageFiles(
  fileNames: readonly string[],
  slugs: Iterable<string>,
  overrides: ReadonlyMap<string, EditorialOverride>,
): { files: Map<string, string>; diagnostics: Diagnostic[] } {
  const bySlug = new Map<string, string>();
  for (const name of [...fileNames].sort()) {
    const stem = IMAGE_FILE.exec(name)?.[1];
    if (stem && !bySlug.has(stem)) bySlug.set(stem, name);
  }
  const present = new Set(fileNames);
  const files = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const slug of slugs) {
    const named = overrides.get(slug)?.image;
    if (named && !present.has(named)) {
      const override = overrides.get(slug)!;
      diagnostics.push({
        file: override.file, line: override.keyLines?.image ?? 1, severity: 'warning', rule: 'image-missing',
        message: `image "${named}" is not in the images folder; the caption is shown without a photo`,
      });
      continue;
    }
    const file = named ?? bySlug.get(slug);
    if (file) files.set(slug, file);
  }
  return { files, diagnostics };
}

/**
 * Encodes each found photo into `<outputDir>/img/` and returns the markup
 * data per slug. An unreadable image is an error diagnostic, not a crash.
 */
export async function processImages(imagesDir: string, outputDir: string, files: ReadonlyMap<string, string>): Promise<{ pictures: Map<string, ResponsiveImage>; diagnostics: Diagnostic[] }> {
  const pictures = new Map<string, ResponsiveImage>();
  const diagnostics: Diagnostic[] = [];
  if (files.size === 0) return { pictures, diagnostics };
  // Loaded on first use: eleventy-img brings sharp, whose import takes
  // 0.3-0.5 s, a cost a site without photos should not pay on every build
  // and every dev-server start.
  const { default: Image } = await import('@11ty/eleventy-img');
  for (const [slug, name] of files) {
    const file = join(imagesDir, name);
    const refused = await notARegularFile(file, 'image-unreadable', 'cannot process image');
    if (refused) {
      diagnostics.push(refused.problem);
      continue;
    }
    try {
      const metadata = (await Image(file, {
        widths: WIDTHS,
        formats: [...FORMATS],
        outputDir: join(outputDir, 'img'),
        urlPath: IMAGES_URL,
      })) as Record<string, ImageMetadataEntry[]>;
      pictures.set(slug, toResponsiveImage(metadata));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      diagnostics.push({ file, line: 1, severity: 'error', rule: 'image-unreadable', message: `cannot process image: ${reason}` });
    }
  }
  return { pictures, diagnostics };
}

function toResponsiveImage(metadata: Record<string, ImageMetadataEntry[]>): ResponsiveImage {
  const fallback = metadata.jpeg ?? [];
  const largest = fallback[fallback.length - 1];
  if (!largest) throw new Error('eleventy-img returned no JPEG rendition');
  return {
    sources: FORMATS.filter((f) => f !== 'jpeg' && metadata[f]?.length).map((f) => ({
      type: metadata[f]![0]!.sourceType,
      srcset: metadata[f]!.map((e) => e.srcset).join(', '),
    })),
    src: largest.url,
    srcset: fallback.map((e) => e.srcset).join(', '),
    width: largest.width,
    height: largest.height,
  };
}

/** Image file names in the images folder; a missing folder has none. */
export async function listImageFiles(dir: string): Promise<{ names: string[]; diagnostics: Diagnostic[] }> {
  return listContentFolder(dir, (name) => IMAGE_FILE.test(name));
}
