/**
 * A number as a person types it in their language ("2,000,000", "2.000.000" in German,
 * "12,5", Arabic-Indic digits), as a plain decimal string ("2000000", "12.5"), or null when
 * it is not one. Group separators, spaces and a currency sign or code around it are dropped.
 */
export function parseDecimalInput(text: string, locale: string): string | null {
  let decimal = '.';
  try {
    decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    // An unknown locale reads as English.
  }
  const normalized = text
    .trim()
    // Arabic-Indic and Eastern Arabic-Indic digits, and the Arabic decimal sign.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, decimal);
  const parts = normalized.split(decimal);
  if (parts.length > 2) return null;
  const [whole = '', fraction] = parts.map((part) => part.replace(/[\s,.'\u066c\p{Sc}]|[A-Za-z]{3}/gu, ''));
  if (!/^\d*$/.test(whole) || (fraction !== undefined && !/^\d+$/.test(fraction)) || (!whole && fraction === undefined)) return null;
  return fraction === undefined ? whole : `${whole || '0'}.${fraction}`;
}
