// Where scripts/build-still-font.ts writes the still images' Hangul font, and under what names:
// Noto Sans KR's Korean and Latin subsets from @fontsource, each cut down to the characters used.
export const STILL_FONT_DIR = 'lib/generated/still-font';
export const STILL_FONT_FILES = { korean: 'noto-sans-kr-korean.ttf', latin: 'noto-sans-kr-latin.ttf' } as const;
