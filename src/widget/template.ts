/**
 * The widget's static skeleton. It is constant markup (no data from the API or the host page ever goes
 * into it); texts are filled in with textContent by the element.
 */
export const TEMPLATE = `
<div class="root" part="root" id="root">
  <div class="combo" id="combo">
    <form class="box" part="form" role="search" id="form">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="11" cy="11" r="7"/><path d="m20 20-3.5-3.5"/></svg>
      <input id="input" part="input" type="text" role="combobox" aria-autocomplete="list" aria-expanded="false"
        aria-controls="listbox" autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">
      <button type="button" class="clear" part="clear-button" id="clear" data-action="clear-input" hidden>&times;</button>
      <button type="submit" class="submit" part="submit-button" id="submit"></button>
    </form>
    <div class="popup" part="popup" id="popup" hidden>
      <div role="listbox" id="listbox" part="listbox"></div>
      <div class="popup-note" id="popup-note"></div>
    </div>
  </div>
  <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" id="live"></div>
  <div class="view" part="results-view" id="view" hidden>
    <div class="toolbar" part="toolbar">
      <p class="count" part="count" id="count"></p>
      <label class="sort" id="sort-control"><span id="sort-label"></span>
        <select part="sort" id="sort"><option value="relevance"></option><option value="date_desc"></option><option value="date_asc"></option></select>
      </label>
    </div>
    <div class="layout">
      <div class="facets" part="facets" id="facets" role="group"></div>
      <section class="results" part="results" id="results" aria-labelledby="count">
        <div class="progress" part="progress" aria-hidden="true"></div>
        <ol class="list" part="results-list" id="list"></ol>
        <div class="message" part="message" id="message"></div>
        <button type="button" class="more" part="load-more" id="more" data-action="load-more" hidden></button>
      </section>
    </div>
  </div>
  <dialog class="detail" part="detail" id="detail" aria-labelledby="detail-title"></dialog>
</div>`;
