import { expect } from '@open-wc/testing';
import { COMMON_PASSWORDS, COMMON_PASSWORDS_COUNT } from './common-passwords.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword, passwordLength } from './password-rules.js';

/** A password of exactly n code points that trips no other rule. */
function strongOfLength(n: number): string {
  const words = 'tangerine rocket violin harbor meadow lantern cobalt thistle quarry ember ';
  return words.repeat(Math.ceil(n / words.length) + 1).slice(0, n);
}

describe('password-rules', () => {
  it('exports the NIST-aligned limits', () => {
    expect(PASSWORD_MIN_LENGTH).to.equal(15);
    expect(PASSWORD_MAX_LENGTH).to.equal(128);
    expect(PASSWORD_MAX_LENGTH).to.be.at.least(64);
  });

  describe('demo personas', () => {
    for (const [id, pw] of [
      ['dana', 'dana-demo-password'],
      ['rory', 'rory-demo-password'],
      ['bea', 'bea-demo-password'],
    ] as const) {
      it(`accepts ${pw} for ${id}`, () => {
        expect(checkPassword(pw, { patientId: id })).to.deep.equal({ ok: true });
      });
    }

    it('does not block the office-issued "welcome-<id>-<year>" pattern wholesale', () => {
      expect(checkPassword('welcome-newbie-2026', { patientId: 'newbie' })).to.deep.equal({ ok: true });
    });
  });

  describe('length (code points)', () => {
    it('rejects 14 and accepts 15', () => {
      expect(checkPassword(strongOfLength(14))).to.deep.equal({ ok: false, reason: 'too-short' });
      expect(checkPassword(strongOfLength(15))).to.deep.equal({ ok: true });
    });

    it('accepts 128 and rejects 129', () => {
      expect(checkPassword(strongOfLength(128))).to.deep.equal({ ok: true });
      expect(checkPassword(strongOfLength(129))).to.deep.equal({ ok: false, reason: 'too-long' });
    });

    it('rejects a 10,000-character password as too long', () => {
      expect(checkPassword('x'.repeat(10_000))).to.deep.equal({ ok: false, reason: 'too-long' });
    });

    it('rejects the empty string as too short', () => {
      expect(checkPassword('')).to.deep.equal({ ok: false, reason: 'too-short' });
    });

    it('counts each emoji as one code point, not by UTF-16 length', () => {
      const fourteen = '😀🎉🐱🌮🚀🎸🍕🌈🦄🔥💡🎯🍩🐢';
      expect(fourteen.length).to.equal(28);
      expect(passwordLength(fourteen)).to.equal(14);
      expect(checkPassword(fourteen)).to.deep.equal({ ok: false, reason: 'too-short' });
      expect(checkPassword(`${fourteen}🌻`)).to.deep.equal({ ok: true });
    });

    it('counts a 128-emoji password as 128, i.e. acceptable', () => {
      const emoji = [...'😀🎉🐱🌮🚀🎸🍕🌈🦄🔥💡🎯🍩🐢🌻🍉🐙'];
      const pw = Array.from({ length: 128 }, (_, i) => emoji[(i * 7 + Math.floor(i / 17)) % emoji.length]).join('');
      expect(passwordLength(pw)).to.equal(128);
      expect(checkPassword(pw)).to.deep.equal({ ok: true });
      expect(checkPassword(`${pw}🐙`)).to.deep.equal({ ok: false, reason: 'too-long' });
    });

    it('does not trim: leading and trailing spaces count and are significant', () => {
      const thirteen = 'tangerine rkt';
      expect(checkPassword(thirteen)).to.deep.equal({ ok: false, reason: 'too-short' });
      expect(checkPassword(` ${thirteen} `)).to.deep.equal({ ok: true });
      // A different password from the current one only by its spaces is a different password.
      expect(checkPassword(' tangerine rocket violin', { currentPassword: 'tangerine rocket violin' })).to.deep.equal({
        ok: true,
      });
    });

    it('accepts right-to-left text', () => {
      expect(checkPassword('שלום עולם ומה שלומך היום')).to.deep.equal({ ok: true });
      expect(checkPassword('كلمة مرور طويلة وآمنة')).to.deep.equal({ ok: true });
    });

    it('has no composition rules: lowercase words with spaces are fine', () => {
      expect(checkPassword('purple monkey dishwasher')).to.deep.equal({ ok: true });
    });
  });

  describe('same-as-current', () => {
    it('rejects the current password', () => {
      expect(
        checkPassword('welcome-newbie-2026', { patientId: 'newbie', currentPassword: 'welcome-newbie-2026' }),
      ).to.deep.equal({
        ok: false,
        reason: 'same-as-current',
      });
    });

    it('accepts a different one', () => {
      expect(checkPassword('tangerine rocket violin', { currentPassword: 'welcome-newbie-2026' })).to.deep.equal({
        ok: true,
      });
    });
  });

  describe('matches-id', () => {
    it('rejects the id itself, case-insensitively', () => {
      expect(checkPassword('averylongpatientid', { patientId: 'AVeryLongPatientId' })).to.deep.equal({
        ok: false,
        reason: 'matches-id',
      });
    });

    it('rejects the id plus digits and punctuation only', () => {
      for (const pw of ['dana2026!!!!!!!!', 'DANA.dana.dana.1', '!!dana-1234567!!', 'Dana Dana Dana 7']) {
        expect(checkPassword(pw, { patientId: 'dana' }), pw).to.deep.equal({ ok: false, reason: 'matches-id' });
      }
    });

    it('compares after NFKC normalisation (full-width letters and digits)', () => {
      expect(checkPassword('ｄａｎａ１２３４５６７８９０１', { patientId: 'Dana' })).to.deep.equal({
        ok: false,
        reason: 'matches-id',
      });
    });

    it('accepts the id inside a real passphrase', () => {
      expect(checkPassword('dana likes long walks', { patientId: 'dana' })).to.deep.equal({ ok: true });
    });

    it('ignores an empty id', () => {
      expect(checkPassword('tangerine rocket violin', { patientId: '' })).to.deep.equal({ ok: true });
    });
  });

  describe('common', () => {
    it('ships a blocklist of at least 3,000 entries, all long enough to matter', () => {
      const entries = COMMON_PASSWORDS.split('\n');
      expect(entries.length).to.equal(COMMON_PASSWORDS_COUNT);
      expect(entries.length).to.be.at.least(3000);
      expect(new Set(entries).size).to.equal(entries.length);
      for (const e of entries) {
        expect(passwordLength(e), e).to.be.within(PASSWORD_MIN_LENGTH, 64);
        expect(e.normalize('NFKC').toLowerCase(), e).to.equal(e);
      }
    });

    it('rejects realistic long common passwords', () => {
      for (const pw of [
        'passwordpassword',
        '123456789012345',
        'qwertyuiopasdfgh',
        'iloveyouiloveyou',
        'letmeinletmeinletmein',
        'summer2026summer',
        'benttreefamilyphysicians',
        'correct horse battery staple',
        '1qaz2wsx3edc4rfv',
        'passwordpassword1990',
        'contraseñacontraseña',
      ]) {
        expect(checkPassword(pw), pw).to.deep.equal({ ok: false, reason: 'common' });
      }
    });

    it('compares case-insensitively, after NFKC, and ignoring surrounding spaces', () => {
      for (const pw of ['PasswordPassword', 'ＰＡＳＳＷＯＲＤpassword', '  passwordpassword  ']) {
        expect(checkPassword(pw), pw).to.deep.equal({ ok: false, reason: 'common' });
      }
    });

    it('rejects repeated characters and short repeated units by rule', () => {
      for (const pw of [
        'aaaaaaaaaaaaaaaa',
        '               ',
        'abababababababab',
        'xyz!xyz!xyz!xyz!',
        'q1q1q1q1q1q1q1q1',
      ]) {
        expect(COMMON_PASSWORDS.split('\n')).not.to.include(pw);
        expect(checkPassword(pw), pw).to.deep.equal({ ok: false, reason: 'common' });
      }
    });

    it('rejects simple sequences and keyboard walks by rule', () => {
      for (const pw of [
        '1234567890123456789',
        'zyxwvutsrqponmlkj',
        'abcdefgh12345678',
        'qwerty123456asdfgh',
        '1234-5678-9012-3456',
        '9876543210987654321',
      ]) {
        expect(checkPassword(pw), pw).to.deep.equal({ ok: false, reason: 'common' });
      }
    });
  });

  it('reports length before anything else, then same-as-current, then id, then common', () => {
    expect(checkPassword('dana', { patientId: 'dana', currentPassword: 'dana' })).to.deep.equal({
      ok: false,
      reason: 'too-short',
    });
    expect(checkPassword('passwordpassword', { currentPassword: 'passwordpassword' })).to.deep.equal({
      ok: false,
      reason: 'same-as-current',
    });
    expect(checkPassword('password12345678', { patientId: 'password' })).to.deep.equal({
      ok: false,
      reason: 'matches-id',
    });
  });
});
