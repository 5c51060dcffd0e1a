import { splitCommandTokens } from '../text';

/** Catalogue text with command-line tokens (`--data-dir`, `ponte doctor`) kept on one line, in monospace. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitCommandTokens(text).map((part, i) =>
        part.code ? (
          <code class="token" key={i}>
            {part.text}
          </code>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
