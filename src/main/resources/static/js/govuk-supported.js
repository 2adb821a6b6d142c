// GOV.UK Frontend's inline snippet, as a file of Lots' own (the Content-Security-Policy refuses inline script):
// a classic script, first in <body>, so the classes are there before anything is drawn. Components that need
// JavaScript (the menu toggle, tabs, ...) are styled only under .govuk-frontend-supported.
document.body.classList.add('js-enabled');
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported');
}
