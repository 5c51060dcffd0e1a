// Small line icons drawn inline (no icon font, nothing fetched).
export type IconName = 'home' | 'people' | 'plug' | 'download' | 'receipt' | 'key' | 'bell' | 'gear' | 'search' | 'plus' | 'close' | 'alert' | 'clock' | 'sort' | 'sort-asc' | 'sort-desc' | 'trash' | 'edit' | 'copy' | 'power' | 'info' | 'check' | 'chevron' | 'flask';

const PATHS: Record<IconName, string> = {
  home: 'M3 9.5L10 3l7 6.5M5 8v9h4v-5h2v5h4V8',
  people: 'M7 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-5 8c0-3 2.2-5 5-5s5 2 5 5M13.5 9a2.5 2.5 0 1 0 0-5M15 12c1.8.4 3 2 3 5',
  plug: 'M7 2v4M13 2v4M5 6h10v3a5 5 0 0 1-10 0V6zM10 14v4',
  download: 'M10 3v9M6 8l4 4 4-4M4 15v2h12v-2',
  receipt: 'M5 2h10v16l-2.5-1.5L10 18l-2.5-1.5L5 18V2zM8 6h4M8 9h4M8 12h2',
  key: 'M12.5 3a4.5 4.5 0 1 1-3.9 6.8L3 15.5V18h2.5v-2H7.5v-2H9.5l.3-.3A4.5 4.5 0 0 1 12.5 3zM13.5 6.5h.01',
  bell: 'M5 8a5 5 0 0 1 10 0c0 5 2 6 2 6H3s2-1 2-6M8.5 17a1.7 1.7 0 0 0 3 0',
  gear: 'M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  search: 'M8.5 14a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM12.5 12.5L17 17',
  plus: 'M10 4v12M4 10h12',
  close: 'M5 5l10 10M15 5L5 15',
  alert: 'M10 3L2 17h16L10 3zM10 8v4M10 14.5h.01',
  clock: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM10 6v4l3 2',
  sort: 'M7 8l3-3 3 3M7 12l3 3 3-3',
  'sort-asc': 'M6 12l4-5 4 5',
  'sort-desc': 'M6 8l4 5 4-5',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11',
  edit: 'M12.5 4.5l3 3L7 16H4v-3l8.5-8.5zM11 6l3 3',
  copy: 'M7 7h9v10H7zM4 13V3h9',
  power: 'M10 3v7M6 5.5a6 6 0 1 0 8 0',
  info: 'M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM10 9v5M10 6.2h.01',
  check: 'M4.5 10.5l3.5 3.5 7.5-8',
  chevron: 'M7 8l3 3 3-3',
  flask: 'M8 2.5h4M8.7 2.5v5L4.2 15.8A1.2 1.2 0 0 0 5.3 17.5h9.4a1.2 1.2 0 0 0 1.1-1.7L11.3 7.5v-5M6.2 12.5h7.6',
};

export function Icon({ name, class: cls }: { name: IconName; class?: string }) {
  return (
    <svg class={`icon ${cls ?? ''}`} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** The Ponte mark: a through-arch bridge over water, as in icons/icon.svg (same paths). */
export function BrandMark({ class: cls }: { class?: string }) {
  return (
    <svg class={cls} viewBox="64 64 896 896" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id="ponte-brand-bg" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="#19b5a5" />
          <stop offset="0.55" stop-color="#0e7a86" />
          <stop offset="1" stop-color="#1c4d9b" />
        </linearGradient>
      </defs>
      <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#ponte-brand-bg)" />
      <g transform="translate(0 -44)" fill="none" stroke-linecap="round" stroke-linejoin="round">
        <g stroke="#ffffff">
          <path d="M232 690 C320 210 704 210 792 690" stroke-width="66" />
          <path d="M362 560 V404 M512 560 V336 M662 560 V404" stroke-width="42" />
          <path d="M150 560 H874" stroke-width="58" />
        </g>
        <path d="M200 800 q78 -46 156 0 t156 0 t156 0 t156 0" stroke="#a9f2e7" stroke-width="44" />
      </g>
    </svg>
  );
}
