// Back and Forward move between the page's own views: each tab change and
// each document opened by the user (from the list or from a comparison) is
// a history entry (history.pushState, no change of address: the page is a
// file:// URL). Back from a document reached from a comparison returns to
// that comparison.
'use strict';

const nav = { applying: false };

function navState() { return { newslens: 1, tab: app.tab, doc: app.currentId }; }
function sameState(a, b) { return a && b && a.newslens && a.tab === b.tab && a.doc === b.doc; }

// The entry is pushed once the view it records is painted: pushState costs
// the page 5-25 ms (the browser records the entry), which the user would
// otherwise wait for before seeing the document or tab.
function navPush() {
  if (nav.applying) return;
  const st = navState();
  requestAnimationFrame(() => setTimeout(() => { if (!sameState(history.state, st)) history.pushState(st, ''); }, 0));
}
function navReplace() { history.replaceState(navState(), ''); }

window.addEventListener('popstate', (ev) => {
  const st = ev.state;
  if (!st || !st.newslens) return;
  nav.applying = true;
  try {
    if (st.doc !== null && st.doc !== app.currentId && findDoc(st.doc)) selectDoc(st.doc);
    if (st.tab !== app.tab) showTab(st.tab);
  } finally {
    nav.applying = false;
  }
});
