/**
 * The version for the visually impaired (ГОСТ Р 52872-2019): font size steps, colour schemes and images
 * on or off. The choice travels in the address (`?vi=2-wb-noimg`) and every link of the page carries
 * it on, so it is remembered without any cookie and a cached page never depends on who asks.
 */
export const FONT_STEPS = [1, 2, 3] as const;
export type FontStep = (typeof FONT_STEPS)[number];

export const SCHEMES = {
  bw: 'Чёрным по белому',
  wb: 'Белым по чёрному',
  blue: 'Тёмно-синим по голубому',
} as const;
export type Scheme = keyof typeof SCHEMES;

export interface ViSettings {
  size: FontStep;
  scheme: Scheme;
  images: boolean;
}

export const DEFAULT_VI: ViSettings = { size: 1, scheme: 'bw', images: true };

/** Only a value this module wrote is accepted; anything else means the ordinary version. */
export function parseVi(value: unknown): ViSettings | null {
  if (typeof value !== 'string') return null;
  const match = /^([123])-(bw|wb|blue)-(img|noimg)$/.exec(value);
  if (!match) return null;
  return {
    size: Number(match[1]) as FontStep,
    scheme: match[2] as Scheme,
    images: match[3] === 'img',
  };
}

export const formatVi = (vi: ViSettings) => `${vi.size}-${vi.scheme}-${vi.images ? 'img' : 'noimg'}`;
