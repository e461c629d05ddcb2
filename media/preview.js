// @ts-check
// The script of the Community Minutes preview pane. It only moves things around: the HTML it
// receives is already sanitized by the extension, and the page's Content-Security-Policy lets
// no other script run. Messages: `minutes`, `summary` and `scroll` come in; `reveal`,
// `scrolled` and `open` go out.
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const minutes = /** @type {HTMLElement} */ (document.getElementById('minutes'));
  // Kept by VS Code so that the pane can be restored after a reload.
  vscode.setState({ uri: document.body.dataset.document });

  /** Our own scrolling must not be reported back to the editor as the user's. */
  let ignoreScrollUntil = 0;
  const ECHO_MS = 300;

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'minutes':
        replaceKeepingScroll(minutes, message.html);
        break;
      case 'summary':
        replaceSummary(message.html);
        break;
      case 'scroll':
        scrollToLine(Number(message.line));
        break;
    }
  });

  /** @param {HTMLElement} element @param {string} html */
  function replaceKeepingScroll(element, html) {
    const y = window.scrollY;
    element.innerHTML = html;
    ignoreScrollUntil = Date.now() + ECHO_MS;
    window.scrollTo(0, y);
  }

  /**
   * Keeps the sections the user folded or unfolded as they were; a section that was empty
   * opens as the extension says once it has items. @param {string} html
   */
  function replaceSummary(html) {
    const open = new Map();
    for (const details of summary.querySelectorAll('details.summary-block')) {
      if (Number(details.getAttribute('data-count')) > 0) open.set(blockKind(details), /** @type {HTMLDetailsElement} */ (details).open);
    }
    const before = summary.offsetHeight;
    const y = window.scrollY;
    summary.innerHTML = html;
    for (const details of summary.querySelectorAll('details.summary-block')) {
      const kind = blockKind(details);
      if (open.has(kind) && Number(details.getAttribute('data-count')) > 0) /** @type {HTMLDetailsElement} */ (details).open = open.get(kind);
    }
    // Below the summary, keep the same minutes on screen even if the summary grew or shrank.
    ignoreScrollUntil = Date.now() + ECHO_MS;
    window.scrollTo(0, y > before ? y + summary.offsetHeight - before : y);
  }

  /** @param {Element} details */
  function blockKind(details) {
    return [...details.classList].find((c) => c.startsWith('summary-') && c !== 'summary-block') ?? '';
  }

  /** Blocks that carry their 0-based source line, in document order. */
  function lineElements() {
    return /** @type {HTMLElement[]} */ ([...minutes.querySelectorAll('[data-line]')]);
  }

  /** @param {HTMLElement} element */
  function top(element) {
    return element.getBoundingClientRect().top + window.scrollY;
  }

  /** Scrolls so that source line `line` is at the top, between the blocks around it. @param {number} line */
  function scrollToLine(line) {
    if (!Number.isFinite(line)) return;
    ignoreScrollUntil = Date.now() + ECHO_MS;
    if (line <= 0) {
      window.scrollTo(0, 0);
      return;
    }
    let before;
    let after;
    for (const element of lineElements()) {
      const at = Number(element.dataset.line);
      if (at <= line) before = { element, at };
      else {
        after = { element, at };
        break;
      }
    }
    if (!before) {
      window.scrollTo(0, minutes.offsetTop);
      return;
    }
    let y = top(before.element);
    if (after && after.at > before.at) {
      const fraction = (line - before.at) / (after.at - before.at);
      y += (top(after.element) - y) * fraction;
    }
    window.scrollTo(0, Math.max(0, y - 8));
  }

  /** The source line at the top of the pane. */
  function lineAtTop() {
    const y = window.scrollY + 8;
    if (y < minutes.offsetTop) return 0;
    let before;
    let after;
    for (const element of lineElements()) {
      const at = top(element);
      if (at <= y) before = { at, line: Number(element.dataset.line) };
      else {
        after = { at, line: Number(element.dataset.line) };
        break;
      }
    }
    if (!before) return 0;
    if (!after || after.at === before.at) return before.line;
    return Math.floor(before.line + ((y - before.at) / (after.at - before.at)) * (after.line - before.line));
  }

  let scrollFrame = 0;
  window.addEventListener('scroll', () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      if (Date.now() < ignoreScrollUntil) return;
      vscode.postMessage({ type: 'scrolled', line: lineAtTop() });
    });
  }, { passive: true });

  /** @param {EventTarget | null} target */
  function element(target) {
    return target instanceof Element ? target : null;
  }

  document.addEventListener('click', (event) => {
    const target = element(event.target);
    if (!target) return;
    const link = target.closest('a[href]');
    if (link) {
      const href = link.getAttribute('href') ?? '';
      // In-page anchors (footnotes) scroll the pane; anything else is opened by the extension.
      if (!href.startsWith('#')) {
        event.preventDefault();
        vscode.postMessage({ type: 'open', href });
      }
      return;
    }
    const place = target.closest('#summary [data-line]');
    if (place instanceof HTMLElement) reveal(place);
  });

  document.addEventListener('keydown', (event) => {
    const target = element(event.target);
    if ((event.key === 'Enter' || event.key === ' ') && target instanceof HTMLElement && target.matches('#summary [data-line][role="button"]')) {
      event.preventDefault();
      reveal(target);
    }
  });

  // As in VS Code's Markdown preview, a double click in the minutes goes to that line in the editor.
  minutes.addEventListener('dblclick', (event) => {
    const block = element(event.target)?.closest('[data-line]');
    if (block instanceof HTMLElement) reveal(block);
  });

  /** @param {HTMLElement} place */
  function reveal(place) {
    vscode.postMessage({ type: 'reveal', line: Number(place.dataset.line), character: Number(place.dataset.character ?? 0) });
  }

  scrollToLine(Number(document.body.dataset.startLine ?? 0));
})();
