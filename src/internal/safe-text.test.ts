import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import { cleanLine, cleanText, isolate, renderText, safeFilename, safeHttpUrl, safeLinkHref, textParts } from './safe-text.js';

/** Render into a detached container and return it. */
function mount(value: unknown): HTMLElement {
  const container = document.createElement('div');
  render(value, container);
  return container;
}

describe('safe-text', () => {
  describe('cleanText', () => {
    it('removes bidi embeddings, overrides and isolates', () => {
      const raw = 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j';
      expect(cleanText(raw)).to.equal('abcdefghij');
    });

    it('removes zero-width characters, BOM, word joiner and LRM/RLM', () => {
      expect(cleanText('pa\u200Bss\u200Cwo\u200Drd\uFEFF\u2060\u200E\u200F')).to.equal('password');
    });

    it('keeps a zero-width joiner inside an emoji sequence', () => {
      const family = '👩\u200D👩\u200D👧';
      expect(cleanText(family)).to.equal(family);
      expect(cleanText('a\u200Db')).to.equal('ab');
    });

    it('removes C0/C1 controls but keeps tabs and newlines, and normalises line ends', () => {
      expect(cleanText('a\u0000b\u0007c\u009Bd\te\r\nf\rg\u2028h')).to.equal('abcd\te\nf\ng\nh');
    });

    it('removes invisible tag characters used to smuggle text', () => {
      const smuggled = 'hi' + [...'secret'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
      expect(cleanText(smuggled)).to.equal('hi');
    });

    it('caps stacked combining marks ("Zalgo")', () => {
      const zalgo = 'Z' + '\u0301'.repeat(40) + 'a';
      expect([...cleanText(zalgo)].length).to.equal(1 + 4 + 1);
      // Ordinary accents are untouched.
      expect(cleanText('café niño')).to.equal('café niño');
    });

    it('leaves right-to-left text alone', () => {
      expect(cleanText('مرحبا שלום')).to.equal('مرحبا שלום');
    });

    it('handles null and empty values', () => {
      expect(cleanText(null)).to.equal('');
      expect(cleanText(undefined)).to.equal('');
      expect(cleanLine('  a \n\n b  ')).to.equal('a b');
    });
  });

  describe('safeHttpUrl', () => {
    it('accepts http and https with a host', () => {
      expect(safeHttpUrl('https://example.com/a?b=1')?.href).to.equal('https://example.com/a?b=1');
      expect(safeHttpUrl('HTTP://EXAMPLE.com')?.href).to.equal('http://example.com/');
    });

    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'jav&#x09;ascript:alert(1)',
      'java\tscript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.com',
      'https:javascript:alert(1)',
      'hxxps://example.com',
      'httpſ://example.com', // long s folds to "s" under Unicode case folding
      'ｈｔｔｐｓ://example.com', // full-width letters
      'һttps://example.com', // Cyrillic shha
      'https://user:pass@example.com', // credentials: "https://bank.com@evil.example"
      'https://',
    ]) {
      it(`rejects ${JSON.stringify(bad)}`, () => {
        expect(safeHttpUrl(bad)).to.equal(null);
      });
    }

    it('exposes internationalised (look-alike) hosts in their xn-- form', () => {
      expect(safeHttpUrl('https://раураl.com/')?.href).to.match(/^https:\/\/xn--/);
    });
  });

  describe('textParts / renderText (linkify)', () => {
    it('does not linkify unless asked', () => {
      expect(textParts('see https://example.com')).to.deep.equal([{ text: 'see https://example.com' }]);
    });

    it('linkifies http(s) URLs and trims sentence punctuation', () => {
      expect(textParts('See https://example.com/help. Thanks', { linkify: true })).to.deep.equal([
        { text: 'See ' },
        { text: 'https://example.com/help', href: 'https://example.com/help' },
        { text: '. Thanks' },
      ]);
      expect(textParts('(https://en.wikipedia.org/wiki/Foo_(bar))', { linkify: true })[1]).to.deep.equal({
        text: 'https://en.wikipedia.org/wiki/Foo_(bar)',
        href: 'https://en.wikipedia.org/wiki/Foo_(bar)',
      });
    });

    it('leaves hostile and look-alike schemes as text', () => {
      const hostile = [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'jav&#x09;ascript:alert(1)',
        'httpſ://evil.example',
        'ｈｔｔｐｓ://evil.example',
        'xhttps://evil.example',
        'https://user:pw@evil.example',
      ].join(' ');
      const parts = textParts(hostile, { linkify: true });
      expect(parts.filter((p) => p.href)).to.deep.equal([]);
      expect(parts.map((p) => p.text).join('')).to.equal(hostile);
    });

    it('renders links with rel="noopener noreferrer" and target="_blank", text as text nodes', () => {
      const container = mount(
        renderText('<img src=x onerror=alert(1)> https://example.com/x javascript:alert(1)', {
          linkify: true,
          newTabLabel: '(opens in a new tab)',
        }),
      );
      expect(container.querySelector('img')).to.equal(null);
      const links = container.querySelectorAll('a');
      expect(links.length).to.equal(1);
      const link = links[0]!;
      expect(link.getAttribute('href')).to.equal('https://example.com/x');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.textContent).to.contain('(opens in a new tab)');
      expect(container.textContent).to.contain('<img src=x onerror=alert(1)>');
      expect(container.textContent).to.contain('javascript:alert(1)');
    });

    it('strips bidi overrides before linkifying, so a link cannot hide reversed text', () => {
      const parts = textParts('https://example.com/\u202Egpj.exe', { linkify: true });
      expect(parts[0]?.href).to.equal('https://example.com/gpj.exe');
    });
  });

  describe('isolate', () => {
    it('wraps a cleaned name in <bdi>', () => {
      // Rendered synchronously: fixture() waits for an animation frame, which a loaded CI machine may starve.
      const el = mount(html`<p>${isolate('\u202Eneitap ,letaP .rD')}, physician</p>`).querySelector('p')!;
      const bdi = el.querySelector('bdi')!;
      expect(bdi.textContent).to.equal('neitap ,letaP .rD');
      expect(el.textContent).to.equal('neitap ,letaP .rD, physician');
    });
  });

  describe('safeFilename', () => {
    it('removes direction tricks and path characters', () => {
      expect(safeFilename('invoice\u202Efdp.exe')).to.equal('invoicefdp.exe');
      expect(safeFilename('../../etc/passwd')).to.equal('_.._etc_passwd');
      expect(safeFilename('\u200B')).to.equal('attachment');
    });
  });

  describe('safeLinkHref', () => {
    it('allows relative and http(s) URLs only', () => {
      expect(safeLinkHref('/write.html')).to.equal('/write.html');
      expect(safeLinkHref('https://clinic.example/write')).to.equal('https://clinic.example/write');
      expect(safeLinkHref('javascript:alert(1)')).to.equal(undefined);
      expect(safeLinkHref(' java\tscript:alert(1)')).to.equal(undefined);
      expect(safeLinkHref('data:text/html,x')).to.equal(undefined);
      expect(safeLinkHref('')).to.equal(undefined);
    });
  });
});
