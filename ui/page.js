// What Gradio has no component for: [n] links that open that answer's source, each answer's own sources, and the
// evidence scrolled into view when the whole article is opened. Delegated listeners: Gradio re-renders messages.
(() => {
  const PHONE = window.matchMedia("(max-width: 767px)");

  function showSources(message, ref) {
    const sources = message && message.querySelector(".qa-inline-sources .qa-sources");
    if (!sources) return;
    document.querySelectorAll("#qa-chat .qa-active").forEach((m) => m.classList.remove("qa-active"));
    message.classList.add("qa-active");
    let place;
    if (PHONE.matches) {
      place = message.querySelector(".qa-inline-sources");
      place.open = true;
    } else {
      place = document.querySelector("#qa-sources .qa-panel");
      if (!place) return;
      place.innerHTML = sources.outerHTML;
    }
    place.querySelectorAll(".qa-focus").forEach((card) => card.classList.remove("qa-focus"));
    const card = ref && place.querySelector(`.qa-src-${ref}`);
    if (card) {
      card.classList.add("qa-focus");
      card.scrollIntoView({ block: "nearest" });
    }
  }

  document.addEventListener("click", (event) => {
    const cite = event.target.closest("#qa-chat a.qa-cite");
    if (cite) {
      event.preventDefault();
      event.stopPropagation();
      const ref = (cite.className.match(/qa-cite-(\d+)/) || [])[1];
      showSources(cite.closest(".message"), ref);
    } else if (!event.target.closest("#qa-chat details")) {
      const message = event.target.closest("#qa-chat .message");
      if (message && !PHONE.matches) showSources(message, null);
    }
  }, true);

  document.addEventListener("toggle", (event) => {
    const fold = event.target;
    if (!(fold instanceof HTMLDetailsElement) || !fold.open) return;
    if (fold.classList.contains("qa-inline-sources")) {  // a phone's "출처 보기": bring the first evidence up
      const mark = fold.querySelector(".qa-passage mark");
      if (mark) mark.scrollIntoView({ block: "center" });
      return;
    }
    if (!fold.classList.contains("qa-article")) return;
    const box = fold.querySelector(".qa-article-text");
    const mark = box && box.querySelector("mark");
    if (!mark) return;
    box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    box.scrollIntoView({ block: "nearest" });
  }, true);

  // Gradio labels each message with its raw content; screen readers should hear the answer, not its HTML.
  new MutationObserver(() => {
    document.querySelectorAll('#qa-chat [data-testid="bot"][aria-label*="<"]').forEach((message) => {
      const answer = message.querySelector(".qa-answer");
      message.setAttribute("aria-label", `답: ${(answer || message).textContent.trim()}`);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
