// The clinic's own page script (not part of the library): things a webmaster
// might wire up — an unread badge in the site header, and deep links to a
// thread in the URL hash so Back/Forward work.
const badge = document.getElementById('unread-badge');
document.addEventListener('portal-unread-changed', (event) => {
  if (!badge) return;
  const count = event.detail.unreadTotal;
  badge.hidden = count === 0;
  badge.textContent = String(count);
  badge.setAttribute('aria-label', `${count} unread`);
});

const inbox = document.querySelector('portal-inbox');
if (inbox) {
  const threadFromHash = () => new URLSearchParams(location.hash.slice(1)).get('thread');
  const open = threadFromHash();
  if (open) inbox.setAttribute('thread-id', open);
  document.addEventListener('portal-thread-opened', (event) => {
    const id = event.detail.threadId;
    if (id === threadFromHash()) return;
    history.pushState(null, '', id ? `#thread=${encodeURIComponent(id)}` : location.pathname);
  });
  window.addEventListener('popstate', () => {
    const id = threadFromHash();
    if (id) inbox.setAttribute('thread-id', id);
    else inbox.removeAttribute('thread-id');
  });
}
