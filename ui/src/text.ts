export interface TextPart {
  text: string;
  code: boolean;
}

/** Splits out `--flags` so they can be shown unbroken; everything else is plain text. */
export function splitCommandTokens(text: string): TextPart[] {
  return text
    .split(/(--[a-z][a-z0-9-]*)/)
    .filter((s) => s !== '')
    .map((s) => ({ text: s, code: /^--[a-z]/.test(s) }));
}
