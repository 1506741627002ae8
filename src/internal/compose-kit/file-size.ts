/**
 * File sizes in the patient's language. Its own module so a page that only
 * shows sizes (the inbox's attachment list) does not load the attachment
 * picker, which compose and the reply box load on demand.
 */
/** "2.4 MB", "830 KB" in the patient's language. */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    // "18 bytes", not "18 byte": the short form of the byte unit is not pluralized.
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: unit === 'byte' ? 0 : 1,
  }).format(value);
}
