/** A few inline stroke icons (no icon font, no extra request). Decorative: always aria-hidden. */
const paths = {
  report: 'M12 20h8M4 20v-3.5L15.5 5a2.1 2.1 0 0 1 3 3L7 19.5 4 20zM13.5 7l3 3',
  track: 'M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM15.5 15.5 20 20M10.5 7.5v3l2 2',
  village: 'M3 11 12 4l9 7M5 9.5V20h14V9.5M10 20v-5h4v5',
  guide: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h7',
  chevron: 'm9 6 6 6-6 6',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
  back: 'm15 6-6 6 6 6',
  pin: 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
