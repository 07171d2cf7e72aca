/**
 * Masks a phone number for lists and screens that do not need the whole number, the way Chinese
 * e-commerce shows them: 13812345678 -> 138****5678. Keeps a leading +86 / 86 country code.
 * Short or odd values keep only their last digits visible so nothing identifying leaks.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  const prefix = trimmed.startsWith('+') ? '+' : '';
  if (digits.length >= 11) {
    // country code (if any) + first 3 + **** + last 4
    const local = digits.slice(-11);
    const country = digits.slice(0, digits.length - 11);
    return `${prefix}${country ? `${country} ` : ''}${local.slice(0, 3)}****${local.slice(-4)}`;
  }
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 3) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '*'.repeat(digits.length || 1);
}
