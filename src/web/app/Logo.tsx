/** The mark: three nodes of a mesh. Decorative (the name is written next to it). */
export function Logo() {
  return (
    <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <g fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round">
        <path d="M7 23 16 9l9 14" />
        <path d="M7 23h18M11.5 16h9" />
      </g>
      <g fill="#f3c969">
        <circle cx="16" cy="9" r="2.6" />
        <circle cx="7" cy="23" r="2.6" />
        <circle cx="25" cy="23" r="2.6" />
      </g>
    </svg>
  );
}
