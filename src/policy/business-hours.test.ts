import { expect } from '@open-wc/testing';
import {
  type BusinessCalendar,
  type HandlingTime,
  describeHandlingTime,
  isOfficeOpen,
  nextHandlingTime,
  openUntil,
  zonedTimeToInstant,
} from './business-hours.js';

// Every instant below is written in UTC so that the expectations hold whatever
// zone the machine or browser running the suite is in. Chicago is UTC−6 (CST)
// in winter and UTC−5 (CDT) in summer.

/** The demo clinic: Bent Tree Family Physicians. */
const clinic: BusinessCalendar = {
  timeZone: 'America/Chicago',
  hours: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open: '08:00', close: '17:00' })),
  closures: ['2026-11-26', '2026-12-25', '2027-01-01'],
};

const at = (iso: string): Date => new Date(iso);

/** Intl may use U+202F / U+00A0 inside times ("8:00 AM"); compare wording, not space flavours. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

function expectHandling(
  result: HandlingTime,
  expected: { handledAt: string; localDate: string; localTime: string; reason: HandlingTime['reason'] },
): void {
  expect({
    handledAt: result.handledAt.toISOString(),
    localDate: result.localDate,
    localTime: result.localTime,
    reason: result.reason,
    officeOpen: result.officeOpen,
  }).to.deep.equal({
    ...expected,
    handledAt: new Date(expected.handledAt).toISOString(),
    officeOpen: expected.reason === 'open',
  });
}

describe('business-hours', () => {
  describe('isOfficeOpen', () => {
    it('is open on a weekday mid-morning', () => {
      expect(isOfficeOpen(at('2026-12-07T16:00:00Z'), clinic)).to.equal(true); // Mon 10:00 CST
    });

    it('opens at 8:00 exactly and not a minute before', () => {
      expect(isOfficeOpen(at('2026-12-07T13:59:00Z'), clinic)).to.equal(false); // 7:59
      expect(isOfficeOpen(at('2026-12-07T13:59:59.999Z'), clinic)).to.equal(false);
      expect(isOfficeOpen(at('2026-12-07T14:00:00Z'), clinic)).to.equal(true); // 8:00
    });

    it('is closed at 17:00 exactly and open at 16:59', () => {
      expect(isOfficeOpen(at('2026-12-07T22:59:00Z'), clinic)).to.equal(true); // 16:59
      expect(isOfficeOpen(at('2026-12-07T23:00:00Z'), clinic)).to.equal(false); // 17:00
    });

    it('is closed at weekends and on closure dates', () => {
      expect(isOfficeOpen(at('2026-12-05T16:00:00Z'), clinic)).to.equal(false); // Sat
      expect(isOfficeOpen(at('2026-12-06T16:00:00Z'), clinic)).to.equal(false); // Sun
      expect(isOfficeOpen(at('2026-11-26T16:00:00Z'), clinic)).to.equal(false); // Thanksgiving
      expect(isOfficeOpen(at('2026-12-25T16:00:00Z'), clinic)).to.equal(false);
    });

    it('uses the clinic’s local date, not UTC’s: Friday 16:30 Chicago is Saturday in UTC', () => {
      expect(isOfficeOpen(at('2026-12-04T22:30:00Z'), clinic)).to.equal(true);
    });

    it('supports several intervals per day (lunch break)', () => {
      const lunch: BusinessCalendar = {
        ...clinic,
        hours: [
          { day: 1, open: '08:00', close: '12:00' },
          { day: 1, open: '13:00', close: '17:00' },
        ],
      };
      expect(isOfficeOpen(at('2026-12-07T17:59:00Z'), lunch)).to.equal(true); // 11:59
      expect(isOfficeOpen(at('2026-12-07T18:30:00Z'), lunch)).to.equal(false); // 12:30
      expectHandling(nextHandlingTime(at('2026-12-07T18:30:00Z'), lunch), {
        handledAt: '2026-12-07T19:00:00Z',
        localDate: '2026-12-07',
        localTime: '13:00',
        reason: 'before-hours',
      });
      expect(openUntil(at('2026-12-07T15:00:00Z'), lunch)?.toISOString()).to.equal('2026-12-07T18:00:00.000Z');
    });
  });

  describe('nextHandlingTime', () => {
    it('is now when the office is open', () => {
      expectHandling(nextHandlingTime(at('2026-12-07T16:37:00Z'), clinic), {
        handledAt: '2026-12-07T16:37:00Z',
        localDate: '2026-12-07',
        localTime: '10:37',
        reason: 'open',
      });
    });

    it('before opening → 8:00 the same day', () => {
      expectHandling(nextHandlingTime(at('2026-12-07T13:59:00Z'), clinic), {
        handledAt: '2026-12-07T14:00:00Z',
        localDate: '2026-12-07',
        localTime: '08:00',
        reason: 'before-hours',
      });
    });

    it('17:00 exactly → 8:00 the next day', () => {
      expectHandling(nextHandlingTime(at('2026-12-07T23:00:00Z'), clinic), {
        handledAt: '2026-12-08T14:00:00Z',
        localDate: '2026-12-08',
        localTime: '08:00',
        reason: 'after-hours',
      });
    });

    it('Friday evening → Monday 8:00', () => {
      expectHandling(nextHandlingTime(at('2026-12-05T01:30:00Z'), clinic), {
        handledAt: '2026-12-07T14:00:00Z',
        localDate: '2026-12-07',
        localTime: '08:00',
        reason: 'after-hours',
      });
    });

    it('Saturday → Monday 8:00', () => {
      expectHandling(nextHandlingTime(at('2026-12-05T16:00:00Z'), clinic), {
        handledAt: '2026-12-07T14:00:00Z',
        localDate: '2026-12-07',
        localTime: '08:00',
        reason: 'weekend',
      });
    });

    it('Wednesday 2026-11-25 after hours → Friday 11-27 (Thanksgiving closed)', () => {
      expectHandling(nextHandlingTime(at('2026-11-25T23:30:00Z'), clinic), {
        handledAt: '2026-11-27T14:00:00Z',
        localDate: '2026-11-27',
        localTime: '08:00',
        reason: 'after-hours',
      });
    });

    it('on a closure date itself the reason is "closure"', () => {
      expectHandling(nextHandlingTime(at('2026-11-26T16:00:00Z'), clinic), {
        handledAt: '2026-11-27T14:00:00Z',
        localDate: '2026-11-27',
        localTime: '08:00',
        reason: 'closure',
      });
    });

    it('Thursday 2026-12-24 evening → Monday 12-28 (Christmas + weekend)', () => {
      expectHandling(nextHandlingTime(at('2026-12-25T00:30:00Z'), clinic), {
        handledAt: '2026-12-28T14:00:00Z',
        localDate: '2026-12-28',
        localTime: '08:00',
        reason: 'after-hours',
      });
    });

    it('2026-12-31 evening → Monday 2027-01-04 (New Year’s Day + weekend)', () => {
      expectHandling(nextHandlingTime(at('2027-01-01T02:00:00Z'), clinic), {
        handledAt: '2027-01-04T14:00:00Z',
        localDate: '2027-01-04',
        localTime: '08:00',
        reason: 'after-hours',
      });
    });

    it('throws a clear error when the calendar never opens', () => {
      expect(() => nextHandlingTime(at('2026-12-07T16:00:00Z'), { ...clinic, hours: [] })).to.throw(/no opening hours/);
      // Hours exist but every candidate day is a closure.
      const allClosed: BusinessCalendar = {
        timeZone: 'America/Chicago',
        hours: [{ day: 1, open: '08:00', close: '17:00' }],
        closures: Array.from({ length: 60 }, (_, i) => {
          const d = new Date(Date.UTC(2026, 11, 7 + 7 * i));
          return d.toISOString().slice(0, 10);
        }),
      };
      expect(() => nextHandlingTime(at('2026-12-07T16:00:00Z'), allClosed)).to.throw(/no opening in the 400 days/);
    });

    it('rejects malformed calendars with a clear error', () => {
      const bad = (patch: Partial<BusinessCalendar>) => () =>
        nextHandlingTime(at('2026-12-07T16:00:00Z'), { ...clinic, ...patch });
      expect(bad({ timeZone: 'Mars/Olympus' })).to.throw(/time zone/);
      expect(bad({ hours: [{ day: 1, open: '8:00', close: '17:00' }] })).to.throw(/HH:MM/);
      expect(bad({ hours: [{ day: 1, open: '17:00', close: '08:00' }] })).to.throw(/later than open/);
      expect(bad({ closures: ['12/25/2026'] })).to.throw(/YYYY-MM-DD/);
    });
  });

  describe('daylight saving time (America/Chicago)', () => {
    it('fall-back week: 8:00 is 13:00Z before 2026-11-01 and 14:00Z after', () => {
      // Friday 2026-10-30 is CDT; Monday 2026-11-02 is CST.
      expect(isOfficeOpen(at('2026-10-30T13:00:00Z'), clinic)).to.equal(true);
      expectHandling(nextHandlingTime(at('2026-10-30T23:30:00Z'), clinic), {
        handledAt: '2026-11-02T14:00:00Z',
        localDate: '2026-11-02',
        localTime: '08:00',
        reason: 'after-hours',
      });
      expect(isOfficeOpen(at('2026-11-02T13:30:00Z'), clinic)).to.equal(false); // 7:30 CST
    });

    it('spring-forward week: Friday 2027-03-12 evening → Monday 8:00 CDT (13:00Z)', () => {
      expectHandling(nextHandlingTime(at('2027-03-12T23:30:00Z'), clinic), {
        handledAt: '2027-03-15T13:00:00Z',
        localDate: '2027-03-15',
        localTime: '08:00',
        reason: 'after-hours',
      });
      expect(isOfficeOpen(at('2027-03-12T14:00:00Z'), clinic)).to.equal(true); // Fri 8:00 CST
      expect(isOfficeOpen(at('2027-03-15T12:59:00Z'), clinic)).to.equal(false); // Mon 7:59 CDT
    });

    it('an ambiguous wall time (fall-back overlap) resolves to its first occurrence', () => {
      // 01:30 happens at 06:30Z (CDT) and again at 07:30Z (CST).
      expect(zonedTimeToInstant(2026, 11, 1, 90, 'America/Chicago').toISOString()).to.equal('2026-11-01T06:30:00.000Z');
    });

    it('a nonexistent wall time (spring-forward gap) resolves to the moment of the jump', () => {
      // 02:00–02:59 does not exist on 2027-03-14: the clock goes 01:59:59 CST → 03:00 CDT at 08:00Z.
      expect(zonedTimeToInstant(2027, 3, 14, 150, 'America/Chicago').toISOString()).to.equal(
        '2027-03-14T08:00:00.000Z',
      );
      const sundayNight: BusinessCalendar = {
        timeZone: 'America/Chicago',
        hours: [{ day: 0, open: '02:30', close: '04:00' }],
        closures: [],
      };
      expectHandling(nextHandlingTime(at('2027-03-14T06:00:00Z'), sundayNight), {
        handledAt: '2027-03-14T08:00:00Z',
        localDate: '2027-03-14',
        localTime: '03:00',
        reason: 'before-hours',
      });
      expect(isOfficeOpen(at('2027-03-14T08:00:00Z'), sundayNight)).to.equal(true);
      expect(isOfficeOpen(at('2027-03-14T07:59:59Z'), sundayNight)).to.equal(false);
    });

    it('an interval wholly inside the gap is skipped that day', () => {
      const gapOnly: BusinessCalendar = {
        timeZone: 'America/Chicago',
        hours: [{ day: 0, open: '02:10', close: '02:50' }],
        closures: [],
      };
      expectHandling(nextHandlingTime(at('2027-03-14T06:00:00Z'), gapOnly), {
        handledAt: '2027-03-21T07:10:00Z', // next Sunday, 02:10 CDT
        localDate: '2027-03-21',
        localTime: '02:10',
        reason: 'after-hours', // nothing left to open today,
      });
    });

    it('handles half-hour DST shifts (Australia/Lord_Howe)', () => {
      // 2026-10-04 02:00 LHST (+10:30) jumps to 02:30 LHDT (+11:00) at 15:30Z the day before.
      expect(zonedTimeToInstant(2026, 10, 4, 135, 'Australia/Lord_Howe').toISOString()).to.equal(
        '2026-10-03T15:30:00.000Z',
      );
      expect(zonedTimeToInstant(2026, 10, 4, 150, 'Australia/Lord_Howe').toISOString()).to.equal(
        '2026-10-03T15:30:00.000Z',
      );
    });
  });

  describe('time-zone independence', () => {
    it('gives the same answer for the same instant whatever the device zone', () => {
      // The device zone cannot be changed from inside a browser test; instead the
      // expectations are absolute, so a result computed with device-local getters
      // would fail on any machine not in Chicago (CI runs in UTC). The same instant
      // must also agree with itself when built from different ISO spellings.
      const a = nextHandlingTime(new Date('2026-12-04T19:30:00-06:00'), clinic);
      const b = nextHandlingTime(new Date('2026-12-05T01:30:00Z'), clinic);
      const c = nextHandlingTime(new Date('2026-12-05T10:30:00+09:00'), clinic);
      expect(a).to.deep.equal(b);
      expect(b).to.deep.equal(c);
      expect(b.localDate).to.equal('2026-12-07');
    });

    it('evaluates hours in the clinic’s zone: the same weekly hours in Tokyo', () => {
      const tokyo: BusinessCalendar = { ...clinic, timeZone: 'Asia/Tokyo', closures: [] };
      // 2026-12-07T16:00Z is Tuesday 01:00 in Tokyo.
      expect(isOfficeOpen(at('2026-12-07T16:00:00Z'), tokyo)).to.equal(false);
      expectHandling(nextHandlingTime(at('2026-12-07T16:00:00Z'), tokyo), {
        handledAt: '2026-12-07T23:00:00Z',
        localDate: '2026-12-08',
        localTime: '08:00',
        reason: 'before-hours',
      });
    });
  });

  describe('describeHandlingTime', () => {
    const say = (iso: string, locale: string, cal = clinic): string =>
      plain(describeHandlingTime(nextHandlingTime(at(iso), cal), cal, locale, at(iso)));

    it('English, closed over the weekend', () => {
      expect(say('2026-12-05T01:30:00Z', 'en')).to.equal(
        'The office is closed. Your message will be handled on Monday, December 7, after 8:00 AM Central Time.',
      );
    });

    it('English, open', () => {
      expect(say('2026-12-07T16:00:00Z', 'en')).to.equal(
        'The office is open now. Your message will be handled today during business hours (until 5:00 PM Central Time).',
      );
    });

    it('English, closed but opening later today', () => {
      expect(say('2026-12-07T13:00:00Z', 'en')).to.equal(
        'The office is closed. Your message will be handled today after 8:00 AM Central Time.',
      );
    });

    it('includes the year when handling falls in the next local year', () => {
      expect(say('2027-01-01T02:00:00Z', 'en')).to.equal(
        'The office is closed. Your message will be handled on Monday, January 4, 2027, after 8:00 AM Central Time.',
      );
      // …but not when "now" is already in that year locally.
      expect(say('2027-01-01T16:00:00Z', 'en')).to.equal(
        'The office is closed. Your message will be handled on Monday, January 4, after 8:00 AM Central Time.',
      );
    });

    it('Spanish, closed (US Spanish conventions for a bare "es")', () => {
      expect(say('2026-12-05T01:30:00Z', 'es')).to.equal(
        'La oficina está cerrada. Su mensaje se atenderá el lunes, 7 de diciembre, después de las 8:00 a.m., hora central.',
      );
      expect(say('2027-01-01T02:00:00Z', 'es')).to.equal(
        'La oficina está cerrada. Su mensaje se atenderá el lunes, 4 de enero de 2027, después de las 8:00 a.m., hora central.',
      );
    });

    it('Spanish, open', () => {
      expect(say('2026-12-07T16:00:00Z', 'es')).to.equal(
        'La oficina está abierta ahora. Su mensaje se atenderá hoy durante el horario de atención (hasta las 5:00 p.m., hora central).',
      );
    });

    it('Spanish uses "la" for one o’clock', () => {
      const afternoon: BusinessCalendar = { ...clinic, hours: [{ day: 1, open: '13:00', close: '17:00' }] };
      expect(say('2026-12-07T16:00:00Z', 'es', afternoon)).to.equal(
        'La oficina está cerrada. Su mensaje se atenderá hoy después de la 1:00 p.m., hora central.',
      );
    });

    it('other languages and invalid tags fall back to English', () => {
      expect(say('2026-12-05T01:30:00Z', 'de')).to.match(/^The office is closed\. .*Monday, December 7/);
      expect(say('2026-12-05T01:30:00Z', 'not a locale!')).to.match(/^The office is closed\./);
    });

    it('names the generic zone (not CST/CDT) in summer too', () => {
      expect(say('2027-06-11T23:30:00Z', 'en')).to.equal(
        'The office is closed. Your message will be handled on Monday, June 14, after 8:00 AM Central Time.',
      );
    });

    it('omits "until" when the office never closes', () => {
      const always: BusinessCalendar = {
        timeZone: 'America/Chicago',
        hours: ([0, 1, 2, 3, 4, 5, 6] as const).map((day) => ({ day, open: '00:00', close: '24:00' })),
        closures: [],
      };
      expect(openUntil(at('2026-12-07T16:00:00Z'), always)).to.equal(null);
      expect(say('2026-12-07T16:00:00Z', 'en', always)).to.equal(
        'The office is open now. Your message will be handled today during business hours.',
      );
    });
  });
});
