/** The IANA time zones this browser knows (UTC first), for the time zone selects. */
export function timeZones(current?: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = ['UTC', ...known.filter((z) => z !== 'UTC')];
  // A zone saved by an older browser or by the API stays choosable.
  return current && !all.includes(current) ? [current, ...all] : all;
}
