/**
 * "Never send card numbers by message": spot text that looks like a payment
 * card number — 13 to 19 digits, optionally grouped by single spaces or
 * dashes, that pass the Luhn check — so the widget can warn, refuse to send,
 * and refuse to autosave it as a draft.
 *
 * A digit run that is part of a longer one (two phone numbers in a row, a
 * long account number) is not split into a card-sized piece.
 */
const CANDIDATE = /(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)/g;

/** The Luhn (mod 10) checksum used by every payment card network. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** True if any part of `text` looks like a payment card number. */
export function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/\D/g, '');
    // All-same digits ("0000 0000 0000 0000") pass Luhn but are placeholders, not cards.
    if (digits.length >= 13 && digits.length <= 19 && !/^(\d)\1+$/.test(digits) && luhnValid(digits)) return true;
  }
  return false;
}
