/**
 * A number as a person types it in their language ("2,000,000", "2.000.000" in German,
 * "12,5", Arabic-Indic digits), as a plain decimal string ("2000000", "12.5"), or null when
 * it is not one. Group separators, spaces and a currency sign or code around it are dropped;
 * a separator counts as grouping only between groups of digits ending in three ("1.250",
 * "12,34,567"), so "25.50" typed in German is refused rather than read as 2550.
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
  // A currency sign or code around the number is not part of it.
  const [grouped = '', fraction] = parts.map((part) => part.replace(/\p{Sc}|[A-Za-z]{3}/gu, '').trim());
  const groups = grouped.split(/[\s,.'\u066c]+/);
  // Groups after the first are of two or three digits (India groups by two), the last of three.
  const grouping = groups.every((g, i) => i === 0 || (/^\d{2,3}$/.test(g) && (i < groups.length - 1 || g.length === 3)));
  const whole = groups.join('');
  if (!grouping || !/^\d*$/.test(whole) || (fraction !== undefined && !/^\d+$/.test(fraction.replace(/\s/g, ''))) || (!whole && fraction === undefined)) return null;
  return fraction === undefined ? whole : `${whole || '0'}.${fraction}`;
}
