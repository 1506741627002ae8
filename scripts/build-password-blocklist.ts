/**
 * Generates src/policy/common-passwords.ts, the blocklist used by
 * src/policy/password-rules.ts (NIST SP 800-63B-4 "blocklist of commonly-used,
 * expected, or compromised values").
 *
 *   npx tsx scripts/build-password-blocklist.ts          # (re)write the module
 *   npx tsx scripts/build-password-blocklist.ts --check  # exit 1 if it is stale
 *
 * Why generated and not a breach dump: the list must ship with the package, work
 * offline, and — because our minimum length is 15 code points — hold *long*
 * common passwords, which short "top 10k" lists barely contain. Real long
 * passwords are overwhelmingly built the same few ways from the same few roots:
 * a word repeated, a word and a year, a keyboard walk, a digit run, a stock
 * phrase. So the list is those seed words × those patterns, fully deterministic
 * (no randomness, no network, sorted output), and reviewable in this file.
 *
 * Entries are stored NFKC-normalised and lower-cased (how password-rules compares
 * them), between PASSWORD_MIN_LENGTH and 64 code points: anything shorter is
 * already rejected as too short, and nothing longer is common.
 *
 * Deliberately NOT generated: "welcome-<name>-<year>" style office-issued
 * initial passwords (the clinic's own scheme, e.g. `welcome-newbie-2026`) and
 * "<name>-demo-password" demo credentials — blocking a pattern wholesale is the
 * job of rules, not of a list, and the demo personas must stay valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = 15; // = PASSWORD_MIN_LENGTH (not imported: the script must not depend on the list it builds)
const MAX = 64;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../src/policy/common-passwords.ts');

// ---------------------------------------------------------------------------
// Seeds

/** Roots that top every published most-common-passwords list, plus local flavour. */
// prettier-ignore
const WORDS = [
  // classics
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'pass', 'iloveyou', 'letmein', 'welcome', 'qwerty', 'abc123',
  'monkey', 'dragon', 'master', 'shadow', 'superman', 'batman', 'spiderman', 'trustno1', 'starwars', 'whatever',
  'freedom', 'sunshine', 'princess', 'admin', 'administrator', 'login', 'secret', 'changeme', 'default', 'guest',
  'test', 'hello', 'computer', 'internet', 'access', 'killer', 'hunter', 'ninja', 'mustang', 'harley', 'ranger',
  'pokemon', 'hellokitty', 'cookie', 'chocolate', 'flower', 'pepper', 'ginger', 'tigger', 'buster', 'maggie',
  'diamond', 'silver', 'golden', 'purple', 'orange', 'banana', 'cheese', 'lovely', 'love', 'loveme', 'baby',
  'babygirl', 'angel', 'jesus', 'blessed', 'family', 'forever', 'friends', 'football', 'baseball', 'basketball',
  'soccer', 'hockey', 'cowboys', 'dallas', 'texas', 'america', 'liverpool', 'chelsea', 'arsenal', 'matrix',
  // names that top the lists
  'michael', 'jennifer', 'jordan', 'ashley', 'charlie', 'jessica', 'amanda', 'michelle', 'nicole', 'daniel',
  'matthew', 'andrew', 'joshua', 'thomas', 'robert', 'william', 'jasmine', 'anthony', 'maria', 'jose',
  // keyboard and digit roots
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwerty123', '1q2w3e4r', '1q2w3e4r5t', 'zaq12wsx', '1qaz2wsx', 'qazwsx',
  'asdfgh', 'asdf', 'qwer', 'abcd', 'abcdef', 'abc', '123qwe', 'qwe123', 'qweasd', 'qweasdzxc', '1234qwer',
  '123456', '1234567', '12345678', '123456789', '1234567890', '111111', '000000', '654321', '123123', '112233',
  '121212', '159753', '147258', '147258369', '741852963', '666666', '696969', '7777777', '88888888',
  // Spanish
  'contraseña', 'contrasena', 'teamo', 'tequiero', 'amor', 'amorcito', 'mivida', 'corazon', 'princesa', 'hola',
  // medical / portal / this clinic
  'doctor', 'health', 'medical', 'patient', 'portal', 'nurse', 'clinic', 'physician', 'mychart', 'benttree',
  'benttreefamily', 'familyphysicians', 'benttreefamilyphysicians', 'patientportal',
];

/** The roots people most often pair with a year. */
// prettier-ignore
const TOP_WORDS = [
  'password', 'passw0rd', 'p@ssw0rd', 'iloveyou', 'letmein', 'welcome', 'qwerty', 'monkey', 'dragon', 'master',
  'shadow', 'superman', 'starwars', 'sunshine', 'princess', 'football', 'baseball', 'michael', 'jennifer', 'jesus',
  'blessed', 'changeme', 'cowboys', 'benttree', 'patient',
];

// prettier-ignore
const SEASONS_AND_MONTHS = [
  'summer', 'winter', 'spring', 'autumn', 'fall',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december',
  'verano', 'invierno', 'primavera', 'otoño',
];

/** Stock phrases, as words so that separator variants can be made. */
// prettier-ignore
const PHRASES = [
  'i love you', 'i love you so much', 'i love you forever', 'i love you baby', 'i love you too', 'i love you more',
  'i love you mom', 'i love you dad', 'i love you jesus', 'i love my family', 'i love my kids', 'i love my wife',
  'i love my husband', 'i love my mom', 'i love my dad', 'i love my dog', 'i love my cat', 'i love jesus',
  'i love god', 'i love pizza', 'i love chocolate', 'i love music', 'i hate you', 'i hate my life',
  'i hate passwords', 'love you forever', 'forever and always', 'always and forever', 'best friends forever',
  'family first', 'family forever', 'my family is my life', 'jesus loves me', 'jesus is lord', 'jesus is my savior',
  'jesus christ', 'god is good', 'god is good all the time', 'god is great', 'god is love', 'praise the lord',
  'blessed and highly favored', 'let me in', 'let me in please', 'let me in now', 'open sesame', 'open the door',
  'this is my password', 'my password is password', 'password is password', 'my password', 'my new password',
  'new password', 'change this password', 'change me please', 'change me now', 'temporary password',
  'forgot password', 'i forgot my password', 'forgot my password', 'secure password', 'strong password',
  'very strong password', 'super secret password', 'top secret password', 'secret password', 'no password',
  'password password', 'password one two three', 'trust no one', 'never give up', 'never forget', 'hakuna matata',
  'the quick brown fox', 'the quick brown fox jumps over the lazy dog', 'correct horse battery staple',
  'may the force be with you', 'to be or not to be', 'welcome to my world', 'what the hell', 'i am the best',
  'i am awesome', 'you are awesome', 'life is good', 'life is beautiful', 'happy birthday', 'merry christmas',
  'happy new year', 'good morning', 'hello world', 'hello my name is', 'who knows', 'i dont know', 'doctor who',
  'harry potter', 'lord of the rings', 'game of thrones', 'star wars', 'dallas cowboys', 'houston texans',
  'texas rangers', 'chicago bulls', 'green bay packers', 'new york yankees', 'manchester united', 'real madrid',
  'spongebob squarepants', 'mickey mouse', 'one two three four five', 'abcdefghijklmnopqrstuvwxyz',
  'supercalifragilisticexpialidocious',
  'te amo mucho', 'te amo para siempre', 'te quiero mucho', 'mi vida loca', 'dios es amor', 'dios te ama',
  'dios te bendiga', 'mi familia', 'mi familia es primero', 'mi amor te amo', 'mi contraseña', 'nueva contraseña',
  'bent tree family physicians', 'bent tree family', 'bent tree physicians', 'family physicians',
  'family physician', 'my doctors office', 'doctors office', 'patient portal', 'my patient portal', 'health portal',
  'my health portal', 'my chart password', 'secure messaging', 'my health',
];

/** Long keyboard walks (US layout); their prefixes and reversals are blocked. */
const WALKS = [
  'qwertyuiopasdfghjklzxcvbnm',
  '1234567890qwertyuiopasdfghjklzxcvbnm',
  "qwertyuiop[]asdfghjkl;'zxcvbnm,./",
  '`1234567890-=qwertyuiop[]\\',
  '!@#$%^&*()_+',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/',
  '1qazxsw23edcvfr45tgbnhy67ujm,ki89ol./;p0',
  'zaq12wsxcde34rfvbgt56yhnmju78ik,.lo90p;/',
  '!qaz@wsx#edc$rfv%tgb^yhn&ujm*ik,(ol.)p;/',
  'qazwsxedcrfvtgbyhnujmikolp',
  'qwerasdfzxcvtyuighjkbnm',
  'qweasdzxcrtyfghvbnuiojklm',
  'q1w2e3r4t5y6u7i8o9p0',
  '1q2w3e4r5t6y7u8i9o0p',
  'asdfghjklqwertyuiopzxcvbnm',
  'asdfghjkl;qwertyuiop',
  'zxcvbnmasdfghjklqwertyuiop',
  'poiuytrewqlkjhgfdsamnbvcxz',
  'mnbvcxzlkjhgfdsapoiuytrewq',
  'abcdefghijklmnopqrstuvwxyz',
  'zyxwvutsrqponmlkjihgfedcba',
  'aabbccddeeffgghhiijjkkllmm',
];

/** Digit cycles; prefixes of each repeated to MAX are blocked. */
// prettier-ignore
const DIGIT_CYCLES = [
  '1234567890', '0123456789', '9876543210', '0987654321', '123456789', '987654321', '12345', '54321', '13579',
  '24680', '147258369', '741852963', '159753', '951357', '142536', '112233445566778899', '11223344556677889900',
  '8675309', '31415926535897932384626433832795028841971693993751',
  '12345678910111213141516171819202122232425',
];

const SEPARATORS = ['', ' ', '-', '_', '.'];
const PHRASE_SUFFIXES = ['', '1', '123', '!'];
const YEARS = Array.from({ length: 2030 - 1950 + 1 }, (_, i) => String(1950 + i));

// ---------------------------------------------------------------------------
// Patterns

function build(): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    const n = s.normalize('NFKC').toLowerCase();
    const len = [...n].length;
    if (len >= MIN && len <= MAX) out.add(n);
  };

  // 1. A root repeated 2–4 times, with or without a separator: passwordpassword, qwerty qwerty qwerty.
  for (const w of WORDS) {
    for (const sep of SEPARATORS) {
      for (let times = 2; times <= (sep === '' ? 4 : 3); times++) add(Array(times).fill(w).join(sep));
    }
    // …and with the commonest decorations.
    add(`${w}${w}1`);
    add(`${w}${w}123`);
    add(`${w}${w}!`);
    add(`${w}123456789`);
    add(`${w}1234567890`);
    add(`123456789${w}`);
  }

  // 2. Seasons and months with a year: summer2026summer (any year), and for this
  //    century's years summersummer2026, summer2026summer2026.
  for (const s of SEASONS_AND_MONTHS) {
    for (const y of YEARS) {
      add(`${s}${y}${s}`);
      if (Number(y) >= 2000) {
        add(`${s}${s}${y}`);
        add(`${s}${y}${s}${y}`);
      }
    }
  }

  // 3. Top roots with a year: passwordpassword1990 (birth years), iloveyou2026iloveyou
  //    (recent years); long roots + any year: benttreefamily2026.
  for (const w of TOP_WORDS) {
    for (const y of YEARS) {
      if (Number(y) >= 1970) add(`${w}${w}${y}`);
      if (Number(y) >= 2000) add(`${w}${y}${w}`);
    }
  }
  for (const w of WORDS) {
    for (const y of YEARS) {
      add(`${w}${y}`);
      add(`${w}${y}!`);
    }
  }

  // 4. Stock phrases with separator and suffix variants.
  for (const phrase of PHRASES) {
    const words = phrase.split(' ');
    for (const sep of words.length > 1 ? SEPARATORS.slice(0, 3) : ['']) {
      for (const suffix of PHRASE_SUFFIXES) add(words.join(sep) + suffix);
    }
  }
  // "I love you" + a top name: iloveyoumichael.
  for (const name of WORDS.slice(WORDS.indexOf('michael'), WORDS.indexOf('jose') + 1)) {
    add(`iloveyou${name}`);
    add(`iloveyou${name}forever`);
    add(`${name}iloveyou`);
    add(`teamo${name}teamo`);
  }

  // 5. Keyboard walks: every prefix (and the reversal) from MIN up to the full walk, and the walk doubled.
  for (const walk of WALKS) {
    for (const w of [walk, [...walk].reverse().join('')]) {
      const cps = [...w];
      for (let len = MIN; len <= cps.length; len++) add(cps.slice(0, len).join(''));
      add(w + w);
    }
  }

  // 6. Digit runs: prefixes of each cycle repeated out to MAX.
  for (const cycle of DIGIT_CYCLES) {
    const long = cycle.repeat(Math.ceil(MAX / cycle.length));
    for (let len = MIN; len <= Math.min(40, long.length); len++) add(long.slice(0, len));
  }

  return [...out].sort();
}

// ---------------------------------------------------------------------------
// Output

function render(entries: string[]): string {
  for (const e of entries) {
    if (/[\n\r]/.test(e)) throw new Error(`blocklist entry contains a line break: ${JSON.stringify(e)}`);
  }
  const body = entries.join('\n').replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return `/**
 * Common long passwords, blocked by password-rules.ts (NIST SP 800-63B-4 blocklist).
 *
 * GENERATED by scripts/build-password-blocklist.ts — do not edit by hand; change
 * the seeds or patterns there and run \`npx tsx scripts/build-password-blocklist.ts\`.
 *
 * How it is built: seed words (classic top-password roots, top names, keyboard
 * and digit roots, Spanish roots, medical/portal/clinic words) × patterns
 * (repetition with and without separators, suffix years 1950–2030, season/month +
 * year combos, stock phrases with separator and suffix variants, keyboard walks
 * and their prefixes/reversals, digit runs). Entries are NFKC-normalised,
 * lower-case, ${MIN}–${MAX} code points, sorted, one per line.
 *
 * Kept in its own module so that bundles load it only where a password is being
 * chosen (the widget imports the password rules lazily).
 */

/** Number of entries in {@link COMMON_PASSWORDS}. */
export const COMMON_PASSWORDS_COUNT = ${entries.length};

/** The blocklist, newline-separated (compact to ship, cheap to parse on first use). */
export const COMMON_PASSWORDS = \`${body}\`;
`;
}

const text = render(build());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${OUT} is stale: run npx tsx scripts/build-password-blocklist.ts`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date.`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}`);
}
