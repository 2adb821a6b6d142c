// Starts GOV.UK Frontend's components (docs/adr/0009-design-system.md). The relative address keeps a servlet
// context path; webjars-locator-lite serves it without the version.
import { initAll } from '../webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
// what htmx swaps in: since GOV.UK Frontend 5.7 a component is never started twice
document.addEventListener('htmx:afterSettle', (event) => initAll({ scope: event.detail.elt }));
