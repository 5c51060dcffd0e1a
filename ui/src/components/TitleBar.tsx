import type { ComponentChildren } from 'preact';

/** The screen's title (the page's only <h1>) and its main actions. */
export function TitleBar({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="titlebar">
      <h1 id="screen-title">{title}</h1>
      {children !== undefined && <div class="titlebar-actions">{children}</div>}
    </header>
  );
}
