// Marks <html data-fabrique-watching-edits="oui"> once Wagtail's change detector (w-unsaved) has
// taken every copy of the form it scheduled, so that a test's edits are compared with the last one.
//
// Each time the detector connects before its first copy, it schedules one (2 s later): it connects
// on load, then again when the form's w-init controller removes itself from `data-controller`
// (Stimulus reconnects the controllers listed after it). A connection after the first copy
// schedules nothing. Every scheduled copy announces itself with `w-unsaved:watch-edits`.
(() => {
  let scheduled = 0;
  let taken = 0;
  document.addEventListener('w-unsaved:ready', () => {
    if (taken === 0) scheduled += 1;
  });
  document.addEventListener('w-unsaved:watch-edits', () => {
    taken += 1;
    if (taken >= scheduled) document.documentElement.dataset.fabriqueWatchingEdits = 'oui';
  });
})();
