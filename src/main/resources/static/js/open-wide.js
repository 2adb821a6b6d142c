// A <details data-lots-open-wide> (the catalogue's filters) is folded on a phone, so that the first hit is on the first
// screen, and opened where there is room beside the hits. Without JavaScript it stays folded and opens on a click.
if (window.matchMedia('(min-width: 40.0625em)').matches) {
  for (const details of document.querySelectorAll('details[data-lots-open-wide]')) {
    details.open = true;
  }
}
